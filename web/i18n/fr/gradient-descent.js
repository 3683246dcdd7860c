// French: chapter 'gradient-descent': its text (the fragments between its formulas), its labs and its tasks.
// (Its labs also say '{n} epoch(s)' and 'Pause', as chapter 2 does: see perceptron.js.)
export default {
  // The chapter's text
  'Training moves every weight a small step against the gradient of the loss:':
    'L’entraînement déplace chaque poids d’un petit pas dans le sens opposé au gradient de la perte :',
  'The learning rate': 'Le taux d’apprentissage',
  'sets the size of the step: too small and training crawls, too large and it overshoots the minimum, oscillates or diverges.':
    'fixe la taille du pas : trop petit, l’entraînement se traîne ; trop grand, il dépasse le minimum, oscille ou diverge.',
  'Computing': 'Calculer',
  'over the whole training set for every step is costly, so stochastic gradient descent estimates the gradient from a mini-batch of':
    'sur tout l’ensemble d’entraînement à chaque pas coûte cher ; la descente de gradient stochastique estime donc le gradient sur un mini-lot de',
  'examples: cheaper, noisier steps, and many of them per epoch.':
    'exemples : des pas moins coûteux, plus bruités, et nombreux à chaque époque.',
  'is the classic online update; a batch as large as the training set is full-batch descent, one step per epoch. A decaying rate such as':
    'est la mise à jour en ligne classique ; un lot aussi grand que l’ensemble d’entraînement donne la descente sur lot complet, un pas par époque. Un taux décroissant comme',
  '(More settings → Learning-rate decay) takes large steps early and small ones late.':
    '(Plus de réglages → Décroissance du taux) fait de grands pas au début et de petits à la fin.',
  'With two parameters the loss is a landscape one can draw. In the lab below the core descends linear regression\'s':
    'Avec deux paramètres, la perte est un paysage que l’on peut dessiner. Dans le labo ci-dessous, le cœur applique la descente à la perte de la régression linéaire,',
  ', a sigmoid neuron, and three test functions: a saddle, where the gradient is zero but no minimum is, a landscape with a local and a global minimum, and an elongated bowl, where a step large enough for the flat direction is too large for the steep one and momentum helps.':
    ', à un neurone sigmoïde et à trois fonctions de test : une selle, où le gradient s’annule sans qu’il y ait de minimum, un paysage à un minimum local et un minimum global, et une cuvette allongée, où un pas assez grand pour la direction plate est trop grand pour la direction raide, et où le moment aide.',
  'The loss decides the gradient a neuron gets. With squared error the chain rule brings in the sigmoid\'s slope':
    'La perte décide du gradient que reçoit un neurone. Avec l’erreur quadratique, la dérivation en chaîne fait intervenir la pente de la sigmoïde,',
  ', at most 0.25 and close to 0 once the neuron saturates, even when it is saturated on the wrong side. With cross-entropy that slope cancels and the gradient is just the error times the input, so a confidently wrong neuron learns fastest. The second lab trains one neuron both ways from the same start.':
    ', au plus 0,25 et proche de 0 dès que le neurone sature, même s’il sature du mauvais côté. Avec l’entropie croisée, cette pente se simplifie et le gradient n’est plus que l’erreur multipliée par l’entrée : un neurone qui se trompe avec assurance apprend le plus vite. Le deuxième labo entraîne un neurone des deux façons, depuis le même départ.',
  'A network\'s loss has as many dimensions as it has weights, but it can still be looked at through a plane: the third lab draws the training loss around the playground\'s current weights along two directions, random ones or the two along which training has moved the weights most, with the path the weights took. Most of a training run\'s movement lies in such a plane, and the path runs downhill to where the weights are now.':
    'La perte d’un réseau a autant de dimensions qu’il a de poids, mais on peut encore la regarder à travers un plan : le troisième labo dessine la perte d’entraînement autour des poids actuels du bac à sable selon deux directions, aléatoires ou les deux selon lesquelles l’entraînement a le plus déplacé les poids, avec le chemin suivi par les poids. L’essentiel du mouvement d’un entraînement tient dans un tel plan, et le chemin descend jusqu’à l’endroit où sont les poids maintenant.',

  // The playground's tasks
  'A learning rate that gets there': 'Un taux d’apprentissage qui y arrive',
  'This network learns the circles, but its learning rate of 0.001 is far too small. Change only the learning rate so that the training loss falls below 0.1 within the first 200 epochs.':
    'Ce réseau apprend les cercles, mais son taux d’apprentissage de 0,001 est bien trop petit. Changez seulement le taux d’apprentissage pour que la perte d’entraînement passe sous 0,1 dans les 200 premières époques.',
  'change only the learning rate (now also {settings})': 'ne changez que le taux d’apprentissage (autres réglages changés : {settings})',
  'only the learning rate changed all the way (this run also trained with {settings} changed: reset and try again)':
    'seul le taux d’apprentissage changé tout du long (cet entraînement a aussi tourné avec d’autres réglages changés : {settings} ; réinitialisez et réessayez)',
  'a learning rate other than 0.001': 'un taux d’apprentissage autre que 0,001',
  'stay within 200 epochs (now {epoch}: reset and try again)': 'restez dans les 200 premières époques (actuellement {epoch} : réinitialisez et réessayez)',
  'training loss below 0.1 (now {loss})': 'une perte d’entraînement sous 0,1 (actuellement {loss})',
  'One step per epoch': 'Un pas par époque',
  'Set the batch size to the whole training set (here 100 points, the slider\'s end) so each update averages the gradient over every training example, then train at least one epoch: one epoch is then one update.':
    'Réglez la taille de lot sur tout l’ensemble d’entraînement (ici 100 points, le bout du curseur) pour que chaque mise à jour fasse la moyenne du gradient sur tous les exemples d’entraînement, puis entraînez au moins une époque : une époque est alors une mise à jour.',
  'a batch size of at least {count}, the training-set size (now {size})':
    'une taille de lot d’au moins {count}, la taille de l’ensemble d’entraînement (actuellement {size})',
  'train at least one epoch': 'entraînez au moins une époque',
  'one update per epoch (now {updates} updates in {n} epoch: reset after changing the batch size)':
    'une mise à jour par époque (actuellement {updates} mises à jour en {n} époque : réinitialisez après avoir changé la taille de lot)',
  'one update per epoch (now {updates} updates in {n} epochs: reset after changing the batch size)':
    'une mise à jour par époque (actuellement {updates} mises à jour en {n} époques : réinitialisez après avoir changé la taille de lot)',

  // The descent lab
  'Gradient descent on a loss you can see': 'La descente de gradient sur une perte que l’on voit',
  'Two parameters, so J(w0, w1) is a landscape: darker is lower. Each step moves w by −η times the gradient; the line is the path so far.':
    'Deux paramètres : J(w0, w1) est donc un paysage, plus sombre là où il est plus bas. Chaque pas déplace w de −η fois le gradient ; la ligne est le chemin parcouru jusqu’ici.',
  'Linear regression': 'Régression linéaire',
  'Sigmoid neuron, squared error': 'Neurone sigmoïde, erreur quadratique',
  'Sigmoid neuron, cross-entropy': 'Neurone sigmoïde, entropie croisée',
  'Saddle: w0² − w1²': 'Selle : w0² − w1²',
  'Two minima': 'Deux minima',
  'Elongated bowl: ½(w0² + 20 w1²)': 'Cuvette allongée : ½(w0² + 20 w1²)',
  'Update': 'Mise à jour',
  'plain (sgd)': 'simple (sgd)',
  'momentum 0.9': 'momentum 0,9',
  'Batch': 'Lot',
  'all points': 'tous les points',
  '2 points': '2 points à la fois',
  '1 point': '1 point à la fois',
  'decay η/(1 + epoch/20)': 'décroissance η/(1 + époque/20)',
  'race sgd, momentum, Adam': 'course : sgd, momentum, Adam',
  '10 steps': '10 pas',
  '100 steps': '100 pas',
  'Reset': 'Réinitialiser',
  'Contours of J with the path of the updates': 'Lignes de niveau de J avec le chemin des mises à jour',
  'The points and the model at the current weights': 'Les points et le modèle aux poids actuels',
  'w = {w}, J = {loss} after {steps}, η now {rate}': 'w = {w}, J = {loss} après {steps}, η actuellement {rate}',
  'w = {w}, J = {loss} after {steps} ({epochs}), η now {rate}': 'w = {w}, J = {loss} après {steps} ({epochs}), η actuellement {rate}',
  '{n} step': '{n} pas',
  '{n} steps': '{n} pas',
  'Press Step: each step moves w by −η ∂J/∂w.': 'Appuyez sur Pas : chaque pas déplace w de −η ∂J/∂w.',
  'Diverged: after {n} step J is no longer a number. At η = {rate} each step overshoots the minimum by more than it corrects, so every step lands higher up the other side. Lower the learning rate and reset.':
    'Divergence : après {n} pas, J n’est plus un nombre. À η = {rate}, chaque pas dépasse le minimum de plus qu’il ne corrige, si bien que chaque pas retombe plus haut de l’autre côté. Baissez le taux d’apprentissage et réinitialisez.',
  'Diverged: after {n} steps J is no longer a number. At η = {rate} each step overshoots the minimum by more than it corrects, so every step lands higher up the other side. Lower the learning rate and reset.':
    'Divergence : après {n} pas, J n’est plus un nombre. À η = {rate}, chaque pas dépasse le minimum de plus qu’il ne corrige, si bien que chaque pas retombe plus haut de l’autre côté. Baissez le taux d’apprentissage et réinitialisez.',
  'Diverging: J has grown for {n} step (now {now}, from {from}). At η = {rate} the steps overshoot the minimum more each time. Lower the learning rate.':
    'Divergence en cours : J augmente depuis {n} pas (maintenant {now}, au départ {from}). À η = {rate}, les pas dépassent le minimum un peu plus à chaque fois. Baissez le taux d’apprentissage.',
  'Diverging: J has grown for {n} steps (now {now}, from {from}). At η = {rate} the steps overshoot the minimum more each time. Lower the learning rate.':
    'Divergence en cours : J augmente depuis {n} pas (maintenant {now}, au départ {from}). À η = {rate}, les pas dépassent le minimum un peu plus à chaque fois. Baissez le taux d’apprentissage.',
  'Step {steps}: J = {now} (from {from}).': 'Pas {steps} : J = {now} (au départ {from}).',
  'Fit the line in 50 steps': 'Ajuster la droite en 50 pas',
  'On linear regression, full batch and plain gradient descent, find a learning rate that brings J below 0.2 within 50 steps.':
    'Sur la régression linéaire, en lot complet et en descente de gradient simple, trouvez un taux d’apprentissage qui amène J sous 0,2 en 50 pas au plus.',
  'choose linear regression and plain gradient descent (sgd), without the race':
    'choisissez la régression linéaire et la descente de gradient simple (sgd), sans la course',
  'full batch: set Batch to "all points"': 'lot complet : réglez Lot sur « tous les points »',
  'a fixed learning rate: untick the decay': 'un taux d’apprentissage fixe : décochez la décroissance',
  'within 50 steps (now {steps}: reset)': 'en 50 pas au plus (actuellement {steps} : réinitialisez)',
  'J below 0.2 (now {loss})': 'J sous 0,2 (actuellement {loss})',
  'Too large a step': 'Un pas trop grand',
  'On the elongated bowl, find the smallest learning rate in the list at which plain gradient descent diverges. Why that one? (Its curvature along w1 is 20.)':
    'Sur la cuvette allongée, trouvez le plus petit taux d’apprentissage de la liste pour lequel la descente de gradient simple diverge. Pourquoi celui-là ? (Sa courbure selon w1 vaut 20.)',
  'choose the bowl and plain gradient descent (sgd), without the race':
    'choisissez la cuvette et la descente de gradient simple (sgd), sans la course',
  'not this rate ({rate}): the smallest above 2/20 = 0.1 is the one': 'pas ce taux ({rate}) : il faut le plus petit au-dessus de 2/20 = 0,1',
  'take at least 10 steps': 'faites au moins 10 pas',

  // Training one neuron
  'Training one neuron: squared error or cross-entropy': 'Entraîner un neurone : erreur quadratique ou entropie croisée',
  'One sigmoid neuron h = σ(w0 + w1·x) learns the six points (orange t = 0, blue t = 1), twice from the same start with the same η: once on squared error J = 1/(2m) Σ (h − t)², once on cross-entropy J = (1/m) Σ −t ln h − (1 − t) ln(1 − h). Each step is w ← w − η ∂J/∂w over all six points.':
    'Un neurone sigmoïde h = σ(w0 + w1·x) apprend les six points (orange t = 0, bleu t = 1), deux fois, depuis le même départ et avec le même η : une fois sur l’erreur quadratique J = 1/(2m) Σ (h − t)², une fois sur l’entropie croisée J = (1/m) Σ −t ln h − (1 − t) ln(1 − h). Chaque pas fait w ← w − η ∂J/∂w sur les six points.',
  'Start': 'Départ',
  'saturated and wrong: w = (0, −4)': 'saturé et faux : w = (0 ; −4)',
  'small and wrong: w = (0, −0.5)': 'petit et faux : w = (0 ; −0,5)',
  'The six points and each run\'s sigmoid h(x): solid cross-entropy, dashed squared error':
    'Les six points et la sigmoïde h(x) de chaque essai : en trait plein l’entropie croisée, en tirets l’erreur quadratique',
  'squared error': 'erreur quadratique',
  'cross-entropy': 'entropie croisée',
  'Squared error': 'Erreur quadratique',
  'Cross-entropy': 'Entropie croisée',
  'cancels': 'se simplifie',
  '∂J/∂w0 = mean δ =': '∂J/∂w0 = moyenne des δ =',
  ', ∂J/∂w1 = mean δ·x =': ', ∂J/∂w1 = moyenne des δ·x =',
  'of 6 wrong after {n} step': 'sur 6 mal classés après {n} pas',
  'of 6 wrong after {n} steps': 'sur 6 mal classés après {n} pas',
  'J here is the mean over the m = 6 points, so the gradients carry 1/m; the lecture\'s cross-entropy slide sums the points instead (the same direction, m times larger). The bias w0 has x = 1.':
    'Ici, J est la moyenne sur les m = 6 points, d’où le 1/m dans les gradients ; la diapositive du cours sur l’entropie croisée fait plutôt la somme sur les points (même direction, m fois plus grand). Le biais w0 a x = 1.',
  'Every point right: cross-entropy after {n} step, squared error after {se} ({ratio} times as many).':
    'Tous les points bien classés : l’entropie croisée après {n} pas, l’erreur quadratique après {se} ({ratio} fois plus).',
  'Every point right: cross-entropy after {n} steps, squared error after {se} ({ratio} times as many).':
    'Tous les points bien classés : l’entropie croisée après {n} pas, l’erreur quadratique après {se} ({ratio} fois plus).',
  'Every point right: cross-entropy after {ce} steps, squared error after {se}.':
    'Tous les points bien classés : l’entropie croisée après {ce} pas, l’erreur quadratique après {se}.',
  ': the saturated sigmoid\'s slope all but cancels the error': ' : la pente de la sigmoïde saturée annule presque l’erreur',
  'Cross-entropy had every point right after {n} step; after {steps}, squared error still gets {wrong} of 6 wrong. At x = {x} its δ = (h − t)·h(1 − h) = {error} × {slope} = {delta}{saturated}. Cross-entropy\'s δ at the same h would be h − t = {error}, {times} times larger.':
    'L’entropie croisée classait bien tous les points après {n} pas ; après {steps}, l’erreur quadratique en classe encore mal {wrong} sur 6. En x = {x}, son δ = (h − t)·h(1 − h) = {error} × {slope} = {delta}{saturated}. Le δ de l’entropie croisée au même h serait h − t = {error}, {times} fois plus grand.',
  'Cross-entropy had every point right after {n} steps; after {steps}, squared error still gets {wrong} of 6 wrong. At x = {x} its δ = (h − t)·h(1 − h) = {error} × {slope} = {delta}{saturated}. Cross-entropy\'s δ at the same h would be h − t = {error}, {times} times larger.':
    'L’entropie croisée classait bien tous les points après {n} pas ; après {steps}, l’erreur quadratique en classe encore mal {wrong} sur 6. En x = {x}, son δ = (h − t)·h(1 − h) = {error} × {slope} = {delta}{saturated}. Le δ de l’entropie croisée au même h serait h − t = {error}, {times} fois plus grand.',
  'Both start from the same weights: step them together.': 'Les deux partent des mêmes poids : faites-les avancer ensemble.',
  'Step {steps}: squared error gets {se} of 6 wrong, cross-entropy {ce}.':
    'Pas {steps} : l’erreur quadratique en classe mal {se} sur 6, l’entropie croisée {ce}.',
  'Cross-entropy leaves saturation': 'L’entropie croisée sort de la saturation',
  'From the saturated start at η = 0.5, step until cross-entropy classifies all six points right. How many steps did it need, and how many points does squared error still get wrong?':
    'Depuis le départ saturé, à η = 0,5, avancez jusqu’à ce que l’entropie croisée classe bien les six points. Combien de pas lui a-t-il fallu, et combien de points l’erreur quadratique classe-t-elle encore mal ?',
  'choose the saturated start and η = 0.5': 'choisissez le départ saturé et η = 0,5',
  'step until cross-entropy has every point right ({wrong} wrong after {n} step)':
    'avancez jusqu’à ce que l’entropie croisée classe bien tous les points (mal classés après {n} pas : {wrong})',
  'step until cross-entropy has every point right ({wrong} wrong after {n} steps)':
    'avancez jusqu’à ce que l’entropie croisée classe bien tous les points (mal classés après {n} pas : {wrong})',
  'Squared error gets there, slowly': 'L’erreur quadratique y arrive, lentement',
  'Keep going until squared error classifies all six too, and compare the two step counts. The tables say why: squared error\'s δ carries the sigmoid\'s slope h(1 − h), nearly 0 on a saturated point.':
    'Continuez jusqu’à ce que l’erreur quadratique classe bien les six aussi, et comparez les deux nombres de pas. Les tableaux disent pourquoi : le δ de l’erreur quadratique porte la pente de la sigmoïde h(1 − h), presque nulle sur un point saturé.',
  'step until squared error has every point right ({wrong} wrong after {n} step)':
    'avancez jusqu’à ce que l’erreur quadratique classe bien tous les points (mal classés après {n} pas : {wrong})',
  'step until squared error has every point right ({wrong} wrong after {n} steps)':
    'avancez jusqu’à ce que l’erreur quadratique classe bien tous les points (mal classés après {n} pas : {wrong})',

  // The loss landscape
  'The network\'s loss landscape, in a plane': 'Le paysage de perte du réseau, dans un plan',
  'The playground\'s network below has far more than two weights, so its J can only be drawn along two directions at a time: the slice is J(θ + α·d1 + β·d2) around the current weights θ, at the centre (+). Random directions are scaled neuron by neuron to the size of its weights (Li et al., 2018); the path\'s principal directions are the two along which the weights moved most, recorded after each step the playground takes (each epoch while it plays). J is the mean training loss, without L1/L2.':
    'Le réseau du bac à sable ci-dessous a bien plus de deux poids : sa perte J ne peut donc être dessinée que selon deux directions à la fois. La coupe est J(θ + α·d1 + β·d2) autour des poids actuels θ, au centre (+). Les directions aléatoires sont mises à l’échelle neurone par neurone, à la taille de ses poids (Li et al., 2018) ; les directions principales du chemin sont les deux selon lesquelles les poids ont le plus bougé, enregistrés après chaque pas du bac à sable (chaque époque pendant la lecture). J est la perte d’entraînement moyenne, sans L1/L2.',
  'Directions': 'Directions du plan',
  'random, filter-normalised': 'aléatoires, normalisées par filtre',
  'the path\'s principal directions': 'les directions principales du chemin',
  'Range': 'Étendue',
  'fit the path': 'ajustée au chemin',
  'Draw the slice': 'Dessiner la coupe',
  'New random directions': 'Nouvelles directions aléatoires',
  'Forget the path': 'Oublier le chemin',
  'Contours of the training loss in the plane, with the path of the weights':
    'Lignes de niveau de la perte d’entraînement dans le plan, avec le chemin des poids',
  'α (along d1)': 'α (selon d1)',
  'β (along d2)': 'β (selon d2)',
  'J at the centre = {centre}, the training loss after {epochs}; lowest on this slice {low} at (α, β) = {at}; ±{range} shown.':
    'J au centre = {centre}, la perte d’entraînement après {epochs} ; minimum sur cette coupe : {low} en (α, β) = {at} ; ±{range} affiché.',
  '{n} snapshot of the weights': '{n} instantané des poids',
  '{n} snapshots of the weights': '{n} instantanés des poids',
  'd1 and d2 explain {d1} and {d2} of how the {snapshots} moved; the path starts at the ring.':
    'd1 et d2 expliquent {d1} et {d2} du mouvement ({snapshots}) ; le chemin part de l’anneau.',
  'The {snapshots} projected onto two random directions (seed {seed}): random planes catch little of a path.':
    'Projection sur deux directions aléatoires (graine {seed}) : {snapshots} ; un plan aléatoire capte peu d’un chemin.',
  '{status} The weights have changed since: draw the slice again.': '{status} Les poids ont changé depuis : dessinez à nouveau la coupe.',
  '{status} The path has {snapshots} now: draw the slice again.': '{status} Le chemin compte maintenant {snapshots} : dessinez à nouveau la coupe.',
  'Training moves in a plane': 'L’entraînement se déplace dans un plan',
  'Train the playground below for at least {n} epochs while this lab records the weights, then draw the slice along the path\'s principal directions. Do the two explain at least 90% of how the weights moved? The path runs downhill to the centre, the weights you have now.':
    'Entraînez le bac à sable ci-dessous au moins {n} époques pendant que ce labo enregistre les poids, puis dessinez la coupe selon les directions principales du chemin. Les deux expliquent-elles au moins 90\u00a0% du mouvement des poids ? Le chemin descend jusqu’au centre, les poids que vous avez maintenant.',
  'train at least {n} epochs (now {epoch})': 'entraînez au moins {n} époques (actuellement {epoch})',
  'draw the slice along the path\'s principal directions, at the weights you have now':
    'dessinez la coupe selon les directions principales du chemin, aux poids que vous avez maintenant',
  'a path recorded over at least {n} epochs (this one has {snapshots} snapshots: forget it and train again)':
    'un chemin enregistré sur au moins {n} époques (celui-ci a {snapshots} instantanés : oubliez-le et entraînez à nouveau)',
  'the two directions explain {share}: train on (or reset and try another set-up)':
    'les deux directions expliquent {share} : continuez l’entraînement (ou réinitialisez et essayez une autre configuration)',
  'This slice would hold the page for more than half a second: it measures the loss at {grid} × {grid} points of the plane, each over {examples} with {parameters} (weights and biases).':
    'Cette coupe bloquerait la page plus d’une demi-seconde : elle mesure la perte en {grid} × {grid} points du plan, chacun sur {examples} avec {parameters} (poids et biais).',
  'To draw it, make the playground\'s network smaller (fewer hidden layers or neurons) or lower its Points or Training data slider; or forget the path.':
    'Pour la dessiner, réduisez le réseau du bac à sable (moins de couches cachées ou de neurones) ou baissez son curseur Points ou Données d’entraînement ; ou oubliez le chemin.',
  'To draw it, make the playground\'s network smaller (fewer hidden layers or neurons) or lower its Points or Training data slider.':
    'Pour la dessiner, réduisez le réseau du bac à sable (moins de couches cachées ou de neurones) ou baissez son curseur Points ou Données d’entraînement.',
  '{n} training example': '{n} exemple d’entraînement',
  '{n} training examples': '{n} exemples d’entraînement',
};
