// French: chapter 'backprop': its text (the fragments between its formulas), its labs and its tasks.
export default {
  // The chapter's text
  'Backpropagation computes every': 'La rétropropagation calcule chaque',
  'with the chain rule in one pass from the output back to the inputs. At the output,':
    'par la dérivation en chaîne, en une seule passe de la sortie jusqu’aux entrées. En sortie,',
  '; each layer below receives': ' ; chaque couche du dessous reçoit',
  'and each weight\'s gradient is the δ at its head times the activation at its tail,':
    'et le gradient de chaque poids est le δ à son extrémité multiplié par l’activation à son origine,',
  'The graph below shows the same rule on the smallest example: every edge multiplies the gradient arriving from above by its own local derivative. Under the playground, "Watch one training step" runs a real step of the core on the network above and plays its forward pass, loss, backward pass and update; click any unit or link there for its chain-rule equation with the numbers in.':
    'Le graphe ci-dessous montre la même règle sur le plus petit exemple : chaque arête multiplie le gradient qui arrive d’en amont par sa propre dérivée locale. Sous le bac à sable, « Suivre un pas d’entraînement » exécute un vrai pas du cœur sur le réseau ci-dessus et en rejoue la propagation avant, la perte, la rétropropagation et la mise à jour ; cliquez-y sur une unité ou un lien pour voir son équation de dérivation en chaîne, nombres compris.',
  'The lab after it takes any expression you type. Where a value is used twice (a fork), its gradient is the sum over every path to the output:':
    'Le labo qui le suit accepte toute expression que vous tapez. Là où une valeur sert deux fois (une bifurcation), son gradient est la somme sur tous les chemins qui mènent à la sortie :',
  '. Reverse mode (backpropagation, Linnainmaa\'s reverse-mode automatic differentiation of 1970) computes each node\'s gradient once, from the output back, and reuses it for everything below; forward mode carries the derivative with respect to one input along with the values, so it needs one pass per input.':
    '. Le mode inverse (la rétropropagation, c’est-à-dire la différentiation automatique en mode inverse de Linnainmaa, 1970) calcule le gradient de chaque nœud une seule fois, en remontant depuis la sortie, et le réutilise pour tout ce qui se trouve en dessous ; le mode direct transporte la dérivée par rapport à une entrée en même temps que les valeurs, et demande donc une passe par entrée.',

  // The chain rule on a computational graph
  'The chain rule on a computational graph': 'La dérivation en chaîne sur un graphe de calcul',
  'f(x, y, z) = (x + y) · z with q = x + y. Forward values run left to right above each edge; below it, the gradient flowing back: upstream ∂f/∂node × local derivative. Change the inputs.':
    'f(x, y, z) = (x + y) · z avec q = x + y. Les valeurs de la propagation avant vont de gauche à droite au-dessus de chaque arête ; en dessous, le gradient qui revient : ∂f/∂nœud amont × dérivée locale. Changez les entrées.',
  'Computational graph of f = (x + y) z with values and gradients': 'Graphe de calcul de f = (x + y) z avec valeurs et gradients',
  'Steer the gradient': 'Pilotez le gradient',
  'Set x, y and z so that ∂f/∂x = 3 and f = 6. (Which input does ∂f/∂x depend on?)':
    'Réglez x, y et z pour que ∂f/∂x = 3 et f = 6. (De quelle entrée ∂f/∂x dépend-elle ?)',
  '∂f/∂x = 3 (now {now})': '∂f/∂x = 3 (actuellement {now})',
  'f = 6 (now {now})': 'f = 6 (actuellement {now})',

  // Computational graphs of your own
  'Computational graphs of your own': 'Vos propres graphes de calcul',
  'Type an expression, or a few assignments separated by ; or new lines (the last one is the output): + − * / ^, exp, log, sigmoid, tanh, relu, numbers and names. Every name becomes an input you set below; a name used twice is one node with two edges out (a fork). Each edge shows upstream × local = what it passes back; under each node, the output\'s gradient with respect to it.':
    'Tapez une expression, ou quelques affectations séparées par ; ou par des retours à la ligne (la dernière est la sortie) : + − * / ^, exp, log, sigmoid, tanh, relu, des nombres et des noms. Chaque nom devient une entrée que vous réglez ci-dessous ; un nom utilisé deux fois est un seul nœud d’où partent deux arêtes (une bifurcation). Chaque arête montre amont × local = ce qu’elle renvoie ; sous chaque nœud, le gradient de la sortie par rapport à lui.',
  'The lecture\'s examples': 'Les exemples du cours',
  'Linear regression: L = (w0 + w1·x − y)²': 'Régression linéaire : L = (w0 + w1·x − y)²',
  'h(f(x), g(x)) = 2f² − 3fg + 1: x forks': 'h(f(x), g(x)) = 2f² − 3fg + 1 : x bifurque',
  'One sigmoid neuron, squared error': 'Un neurone sigmoïde, erreur quadratique',
  'Expression': 'Votre expression',
  'Input values': 'Valeurs des entrées',
  'This expression (or its values) is too long for the link, or holds a character it cannot carry: the link keeps the last one that fitted.':
    'Cette expression (ou ses valeurs) est trop longue pour le lien, ou contient un caractère qu’il ne peut pas transporter : le lien garde la dernière qui y tenait.',
  'The expression\'s computational graph with values and gradients': 'Le graphe de calcul de l’expression avec valeurs et gradients',
  '{from} → {to}: local ∂{to}/∂{from} = {local}; upstream ∂{out}/∂{to} = {upstream}; passes back {gradient} to ∂{out}/∂{from}':
    '{from} → {to} : local ∂{to}/∂{from} = {local} ; amont ∂{out}/∂{to} = {upstream} ; renvoie {gradient} vers ∂{out}/∂{from}',
  '{out} = {value}: a number, with no input to differentiate.': '{out} = {value} : un nombre, sans entrée par rapport à laquelle dériver.',
  '{out} = {value}. Reverse mode: {reverse}. Forward mode, one pass per input, agrees: {forward}.':
    '{out} = {value}. Mode inverse : {reverse}. Le mode direct, une passe par entrée, concorde : {forward}.',
  '{out} = {value}. Reverse mode: {reverse}. Forward mode, one pass per input, gives {forward}: not the same, as it adds the same products in another order and rounds differently.':
    '{out} = {value}. Mode inverse : {reverse}. Le mode direct, une passe par entrée, donne {forward} : pas la même chose, car il additionne les mêmes produits dans un autre ordre et arrondit autrement.',
  '{value}: a number, with no input to differentiate.': '{value} : un nombre, sans entrée par rapport à laquelle dériver.',
  '{node} feeds {n} operations (a fork): ∂{out}/∂{node} = {terms} = {grad}, the sum of what comes back along each.':
    '{node} alimente {n} opérations (une bifurcation) : ∂{out}/∂{node} = {terms} = {grad}, la somme de ce qui revient par chacune.',
  '∂{out}/∂{input} sums {n} paths from {input} to {out}, each the product of the local derivatives along it: {paths}; and {more} more. Together: {grad}.':
    '∂{out}/∂{input} additionne {n} chemins de {input} à {out}, chacun étant le produit des dérivées locales qu’il traverse : {paths} ; et {more} autres. Au total : {grad}.',
  '∂{out}/∂{input} sums {n} paths from {input} to {out}, each the product of the local derivatives along it: {paths}. Together: {grad}.':
    '∂{out}/∂{input} additionne {n} chemins de {input} à {out}, chacun étant le produit des dérivées locales qu’il traverse : {paths}. Au total : {grad}.',
  '{path}: {factors} = {product}': '{path} : {factors} = {product}',
  '{node} feeds {operations} along {n} edges (a fork): ∂{out}/∂{node} = {terms} = {grad}, the sum of what comes back along each edge.':
    '{node} alimente {operations} par {n} arêtes (une bifurcation) : ∂{out}/∂{node} = {terms} = {grad}, la somme de ce qui revient par chaque arête.',
  '{n} operation': '{n} opération',
  '{n} operations': '{n} opérations',
  '{node} (left operand)': '{node} (opérande de gauche)',
  '{node} (right operand)': '{node} (opérande de droite)',
  'Cannot read this: {error} (at character {n}).': 'Lecture impossible : {error} (au caractère {n}).',
  'Cannot evaluate this: {error} (at character {n}).': 'Évaluation impossible : {error} (au caractère {n}).',
  'Cannot evaluate this: {what} overflows here (the result is not a finite number).':
    'Évaluation impossible : {what} déborde ici (le résultat n’est pas un nombre fini).',
  'The computational-graphs lab could not show the expression from the link; its error is under the text field.':
    'Le labo des graphes de calcul n’a pas pu afficher l’expression du lien ; son erreur est sous le champ de texte.',
  'graph.expr \'{value}\' is not an expression this lab wrote': 'graph.expr « {value} » n’est pas une expression écrite par ce labo',
  'graph.values has {numbers} for {inputs}': 'graph.values contient {numbers} pour {inputs}',
  '{n} number': '{n} nombre',
  '{n} numbers': '{n} nombres',
  '{n} input': '{n} entrée',
  '{n} inputs': '{n} entrées',

  // Reverse mode against forward mode
  'Reverse mode against forward mode, step by step': 'Mode inverse contre mode direct, pas à pas',
  'mode': 'mode de calcul',
  'reverse mode (backpropagation)': 'mode inverse (rétropropagation)',
  'forward mode (one pass per input)': 'mode direct (une passe par entrée)',
  'Start': 'Départ',
  'Previous': 'Précédent',
  'Next': 'Suivant',
  'Show all': 'Tout montrer',
  'All at once: the forward values, then every gradient from one backward pass. Press Start or Next to play reverse mode step by step.':
    'Tout à la fois : les valeurs de la propagation avant, puis tous les gradients issus d’une seule passe arrière. Appuyez sur Départ ou Suivant pour dérouler le mode inverse pas à pas.',
  'All at once: the forward values, then every gradient from one backward pass. Press Start or Next to play forward mode step by step.':
    'Tout à la fois : les valeurs de la propagation avant, puis tous les gradients issus d’une seule passe arrière. Appuyez sur Départ ou Suivant pour dérouler le mode direct pas à pas.',
  'Step {n} of {m}.': 'Étape {n} sur {m}.',
  'Start at the output: ∂{out}/∂{out} = 1.': 'On part de la sortie : ∂{out}/∂{out} = 1.',
  '∂{out}/∂{node} = {upstream} × {local} = {grad}, from its one use.':
    '∂{out}/∂{node} = {upstream} × {local} = {grad}, par son unique utilisation.',
  '{node} is used {n} times (a fork), so ∂{out}/∂{node} adds what each use passes back: {terms} = {grad}.':
    '{node} sert {n} fois (une bifurcation), donc ∂{out}/∂{node} additionne ce que renvoie chaque utilisation : {terms} = {grad}.',
  'Every use is done, so this gradient is final.': 'Toutes ses utilisations sont traitées : ce gradient est définitif.',
  '{from} gets {grad} × {local} = {gradient}': '{from} reçoit {grad} × {local} = {gradient}',
  '{node} is an input: nothing below it.': '{node} est une entrée : rien en dessous.',
  'It is stored and reused (memoised) for its input: {gets}.': 'Il est stocké et réutilisé (mémoïsé) pour son entrée : {gets}.',
  'It is stored and reused (memoised) for its {n} inputs: {gets}.': 'Il est stocké et réutilisé (mémoïsé) pour ses {n} entrées : {gets}.',
  'Pass {pass} of {passes} (∂/∂{input}):': 'Passe {pass} sur {passes} (∂/∂{input}) :',
  '∂{node}/∂{input} = {value}, the seed of this pass.': '∂{node}/∂{input} = {value}, le point de départ de cette passe.',
  '∂{node}/∂{input} = {terms} = {value} (local × what each input carries).':
    '∂{node}/∂{input} = {terms} = {value} (local × ce que porte chaque entrée).',
  'This pass gives ∂{out}/∂{input} = {value} and nothing else: every input needs its own pass over the whole graph ({n} here), while reverse mode gets them all in one backward pass.':
    'Cette passe donne ∂{out}/∂{input} = {value} et rien d’autre : chaque entrée demande sa propre passe sur tout le graphe ({n} ici), alors que le mode inverse les obtient toutes en une seule passe arrière.',
  'This pass gives ∂{out}/∂{input} = {value} and nothing else.': 'Cette passe donne ∂{out}/∂{input} = {value} et rien d’autre.',
  'Reverse mode: one backward pass of {products} gives the derivative.':
    'Mode inverse : une seule passe arrière de {products} donne la dérivée.',
  'Reverse mode: one backward pass of {products} gives all {n} derivatives.':
    'Mode inverse : une seule passe arrière de {products} donne les {n} dérivées.',
  'Forward mode: {n} pass of {products}.': 'Mode direct : {n} passe de {products}.',
  'Forward mode: {n} passes of {products} each, {total} in all.': 'Mode direct : {n} passes de {products} chacune, {total} en tout.',
  '{n} product': '{n} produit',
  '{n} products': '{n} produits',
  'With many inputs (a network\'s weights) and one output (its loss), reverse mode wins: that is backpropagation.':
    'Avec beaucoup d’entrées (les poids d’un réseau) et une seule sortie (sa perte), le mode inverse l’emporte : c’est la rétropropagation.',
  'With no input there is no derivative to take, so neither mode has anything to do.':
    'Sans entrée, il n’y a aucune dérivée à calculer : aucun des deux modes n’a rien à faire.',

  // The lab's tasks
  'Cancel the paths': 'Des chemins qui s’annulent',
  'Type f = x^2; g = 4*x; h = f - g, in which x forks into f and g, and find the x where the paths through f and through g cancel: ∂h/∂x = 0 though neither path is 0.':
    'Tapez f = x^2; g = 4*x; h = f - g, où x bifurque vers f et g, et trouvez le x où les chemins par f et par g s’annulent : ∂h/∂x = 0 sans qu’aucun chemin ne soit nul.',
  'type {expression}': 'tapez {expression}',
  '∂h/∂x = 0 (now {now})': '∂h/∂x = 0 (actuellement {now})',
  'A gradient of your own': 'Un gradient bien à vous',
  'Type an expression of your own in x and y (not a preset) whose ∂/∂x is 6 at x = 1, y = 2.':
    'Tapez une expression de votre cru en x et y (pas un des exemples) dont la ∂/∂x vaut 6 en x = 1, y = 2.',
  'an expression that is not a preset': 'une expression qui n’est pas un des exemples',
  'inputs named x and y': 'des entrées nommées x et y',
  'x = 1 and y = 2 (now {x} and {y})': 'x = 1 et y = 2 (actuellement {x} et {y})',
  '∂/∂x = 6 (now {now})': '∂/∂x = 6 (actuellement {now})',
  'A perfect fit': 'Un ajustement parfait',
  'In the linear-regression preset, keep x = 3 and y = 4 and choose w0 and w1 so that L = 0. What happens to every gradient?':
    'Dans l’exemple de régression linéaire, gardez x = 3 et y = 4 et choisissez w0 et w1 pour que L = 0. Que deviennent tous les gradients ?',
  'show the linear-regression preset': 'affichez l’exemple de régression linéaire',
  'x = 3 and y = 4': 'x = 3 et y = 4',
  'L = 0 (now {now})': 'L = 0 (actuellement {now})',

  // Lessons
  'Backpropagation by hand': 'La rétropropagation à la main',
  'A 2-2-1 sigmoid network, small enough to check with pencil and paper. Under "Watch one training step", press "Trace the next example" and step through it with Next: z = Σ w·a + b and a = σ(z) forward, the loss, δ = a − y at the output (the sigmoid\'s slope cancels against cross-entropy\'s), δ = w·δ × σ′(z) in the hidden layer, and every weight moving by −0.5 × its gradient. Click any unit or link for its equation.':
    'Un réseau sigmoïde 2-2-1, assez petit pour tout vérifier avec un crayon et du papier. Sous « Suivre un pas d’entraînement », appuyez sur « Tracer l’exemple suivant » et avancez avec Suivant : z = Σ w·a + b et a = σ(z) en avant, la perte, δ = a − y en sortie (la pente de la sigmoïde se simplifie avec celle de l’entropie croisée), δ = w·δ × σ′(z) dans la couche cachée, et chaque poids qui se déplace de −0,5 × son gradient. Cliquez sur une unité ou un lien pour voir son équation.',
  'The lecture\'s from-scratch MLP on the circles': 'Le PMC du cours, écrit de zéro, sur les cercles',
  'The lecture trains an MLP written from scratch on two circles: 200 points, 70% for training, inputs standardised with the training points\' mean and standard deviation, a [2, 4, 4, 1] network with ReLU hidden layers and He initialisation, a sigmoid output with cross-entropy, learning rate 0.3, mini-batches of 32, 150 epochs. It reports 0.94 training and 0.92 test accuracy. These are its settings on this page\'s circles (a disc inside a ring, noise 0.4; scikit-learn\'s are two thin rings, and the lecture also lowers the learning rate as it goes, here it stays at 0.3). Step to epoch 150 and compare; the task below reports both accuracies. These coordinates already lie within ±6, so standardising changes little here. It matters once inputs differ in scale: add the features x1², x2² and x1x2, which reach 36, and compare Input scaling None with Standardise after 20 epochs.':
    'Le cours entraîne un PMC écrit de zéro sur deux cercles : 200 points, 70\u00a0% pour l’entraînement, des entrées standardisées avec la moyenne et l’écart-type des points d’entraînement, un réseau [2, 4, 4, 1] à couches cachées ReLU et initialisation de He, une sortie sigmoïde avec entropie croisée, un taux d’apprentissage de 0,3, des mini-lots de 32, 150 époques. Il obtient une exactitude de 0,94 à l’entraînement et de 0,92 en test. Voici ses réglages sur les cercles de cette page (un disque dans un anneau, bruit 0,4 ; ceux de scikit-learn sont deux anneaux fins, et le cours abaisse aussi le taux d’apprentissage en chemin, alors qu’ici il reste à 0,3). Avancez jusqu’à l’époque 150 et comparez ; l’exercice ci-dessous donne les deux exactitudes. Ces coordonnées sont déjà comprises dans ±6, si bien que standardiser change peu de chose ici. Cela compte dès que les entrées diffèrent d’échelle : ajoutez les entrées x1², x2² et x1x2, qui atteignent 36, et comparez la mise à l’échelle des entrées Aucune et Standardiser après 20 époques.',

  // The chapter's task on the playground
  'Repeat the lecture\'s experiment': 'Refaites l’expérience du cours',
  'Train the lecture\'s set-up for exactly 150 epochs and reach a test accuracy of at least 90%, as its run did (0.94 training, 0.92 test).':
    'Entraînez la configuration du cours pendant exactement 150 époques et atteignez une exactitude de test d’au moins 90\u00a0%, comme son essai (0,94 à l’entraînement, 0,92 en test).',
  'stop at epoch 150 (now {epoch})': 'arrêtez-vous à l’époque 150 (actuellement {epoch})',
  'stop at epoch 150 (now {epoch}: reset, then step there one epoch at a time)': 'arrêtez-vous à l’époque 150 (actuellement {epoch} : réinitialisez, puis avancez-y une époque à la fois)',
  'Training accuracy {train}, test {test} at epoch {epoch}.': 'Exactitude d’entraînement {train}, de test {test} à l’époque {epoch}.',
};
