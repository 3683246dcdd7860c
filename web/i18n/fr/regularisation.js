// French: chapter 'regularisation': its text (the fragments between its formulas), its lessons and its task, its lab and the lab's tasks.
export default {
  // The chapter's text
  'A network that fits its training points too closely learns their noise and generalises poorly: the training loss keeps falling while the test loss does not. L2 regularisation adds':
    'Un réseau qui colle de trop près à ses points d’entraînement apprend leur bruit et généralise mal : la perte d’entraînement continue de baisser, la perte de test non (c’est le surapprentissage). La régularisation L2 ajoute',
  'to the loss, so every step also shrinks each weight by':
    'à la perte, si bien que chaque pas réduit aussi chaque poids de',
  '; L1 adds': '; L1 ajoute',
  ', whose minimum often has weights at exactly zero (a sparse network). Plain gradient steps, as here, also move each weight by':
    ', dont le minimum a souvent des poids exactement nuls (un réseau creux). De simples pas de gradient, comme ici, déplacent aussi chaque poids de',
  'towards zero, so a weight the data does not need shrinks to zero, then jitters within about':
    'vers zéro : un poids dont les données n’ont pas besoin rétrécit jusqu’à zéro, puis oscille à environ',
  'of it instead of landing on it. Dropout switches each hidden unit off with probability':
    'près de zéro au lieu de s’y poser. Le dropout (« abandon ») éteint chaque unité cachée avec une probabilité',
  'while training (and scales the rest by':
    'pendant l’entraînement (et multiplie les autres par',
  '), so no unit can rely on another to memorise a point.':
    ') : aucune unité ne peut compter sur une autre pour mémoriser un point.',
  'The data splits three ways: training data to fit the weights, validation data to choose settings such as':
    'Les données se partagent en trois : les données d’entraînement pour ajuster les poids, les données de validation pour choisir des réglages comme',
  'and when to stop, and test data kept aside for the final measure. Early stopping (More settings) stops when the validation loss has not improved for a number of epochs and restores the weights of its best epoch.':
    'et le moment de s’arrêter, et les données de test, gardées à part pour la mesure finale. L’arrêt précoce (Plus de réglages) arrête l’entraînement quand la perte de validation ne s’est pas améliorée depuis un certain nombre d’époques, et rétablit les poids de sa meilleure époque.',

  // Lessons
  'Overfitting: noise and a small training set': 'Surapprentissage : du bruit et peu de données d’entraînement',
  'Thirty noisy training points and a network with three layers of eight neurons on every feature: the training loss falls to almost zero while the test loss stays high, because the network learns the noise of those thirty points. Tick "Show test data" to see the points it never trained on.':
    'Trente points d’entraînement bruités et un réseau de trois couches de huit neurones sur toutes les entrées : la perte d’entraînement tombe presque à zéro tandis que la perte de test reste haute, car le réseau apprend le bruit de ces trente points. Cochez « Montrer les données de test » pour voir les points sur lesquels il ne s’est jamais entraîné.',
  'L2 regularisation against overfitting': 'La régularisation L2 contre le surapprentissage',
  'The same set-up with an L2 rate of 0.03, from the same initial weights: every step also pulls each weight towards zero, so the network prefers a smooth boundary to one that bends around every noisy point. The training loss stays a little higher, and the test loss ends far below the overfitting run\'s.':
    'La même configuration avec un taux L2 de 0,03, à partir des mêmes poids initiaux : chaque pas tire aussi chaque poids vers zéro, si bien que le réseau préfère une frontière lisse à une frontière qui contourne chaque point bruité. La perte d’entraînement reste un peu plus haute, et la perte de test finit bien en dessous de celle de l’entraînement en surapprentissage.',
  'Dropout against overfitting': 'Le dropout contre le surapprentissage',
  'The same set-up with dropout 0.3, from the same initial weights: while training, each hidden neuron is switched off at random three times in ten, so no neuron can rely on another to memorise a point. The test loss ends well below the overfitting run\'s.':
    'La même configuration avec un dropout de 0,3, à partir des mêmes poids initiaux : pendant l’entraînement, chaque neurone caché est éteint au hasard trois fois sur dix, si bien qu’aucun neurone ne peut compter sur un autre pour mémoriser un point. La perte de test finit bien en dessous de celle de l’entraînement en surapprentissage.',

  // The task
  'Generalise better with the same network': 'Mieux généraliser avec le même réseau',
  'Keep the overfitting set-up\'s data and network, and bring the test loss below 0.5 after at least 200 epochs (without help it stays near 0.85). L2, L1 and dropout are yours to use.':
    'Gardez les données et le réseau de la configuration en surapprentissage, et faites passer la perte de test sous 0,5 après au moins 200 époques (sans aide, elle reste vers 0,85). L2, L1 et le dropout sont à votre disposition.',
  'keep the data: circles, 60% noise, 120 points, 25% for training':
    'gardez les données : cercles, 60\u00a0% de bruit, 120 points, 25\u00a0% pour l’entraînement',
  'keep the network: all seven features, three hidden layers of 8 ReLU units':
    'gardez le réseau : les sept entrées, trois couches cachées de 8 unités ReLU',
  'train at least 200 epochs (now {epoch})': 'entraînez au moins 200 époques (actuellement {epoch})',
  'test loss below 0.5 (now {loss})': 'une perte de test sous 0,5 (actuellement {loss})',

  // The lab: five runs side by side
  'Regularisation side by side': 'La régularisation côte à côte',
  'The overfitting set-up of the lessons (the circles with 60% noise, 120 points, all seven features, three hidden layers of 8 ReLU units, SGD at rate 0.03, batch 5), now with 30 points for training, 30 for validation and 60 for testing, trained five times from the same initial weights: without regularisation, with an L2 penalty, with an L1 penalty, with dropout, and with early stopping.':
    'La configuration en surapprentissage des leçons (les cercles avec 60\u00a0% de bruit, 120 points, les sept entrées, trois couches cachées de 8 unités ReLU, SGD au taux 0,03, lots de 5), ici avec 30 points pour l’entraînement, 30 pour la validation et 60 pour le test, entraînée cinq fois à partir des mêmes poids initiaux : sans régularisation, avec une pénalité L2, avec une pénalité L1, avec du dropout et avec l’arrêt précoce.',
  'L2 rate λ': 'taux L2 λ',
  'L1 rate λ': 'taux L1 λ',
  'dropout p': 'p du dropout',
  'run': 'entraînement',
  'training loss': 'perte d’entraînement',
  'validation loss': 'perte de validation',
  'test loss': 'perte de test',
  'test accuracy': 'exactitude de test',
  'near zero, |w| < 0.01': 'proches de zéro, |w| < 0,01',
  'weights, {low} … {high}': 'poids, {low} … {high}',
  '{n} of {count}': '{n} sur {count}',
  '{n} weights from {low} to {high}, {near} of them near zero': '{n} poids de {low} à {high}, dont {near} proches de zéro',
  'no regularisation': 'sans régularisation',
  'L2, λ = {rate}': 'L2 avec λ = {rate}',
  'L1, λ = {rate}': 'L1 avec λ = {rate}',
  'dropout, p = {p}': 'dropout avec p = {p}',
  'early stopping, patience {n} epoch': 'arrêt précoce, patience de {n} époque',
  'early stopping, patience {n} epochs': 'arrêt précoce, patience de {n} époques',
  'Losses are the mean squared-error data loss, ½(y − ŷ)² per point, on each split, without the penalty, so the runs compare. Each histogram holds one run\'s weights (not its biases, which no penalty touches) in 21 bins on the same range for every run, its bars scaled to its tallest; the middle line is 0.':
    'Les pertes sont la perte des données en erreur quadratique moyenne, ½(y − ŷ)² par point, sur chaque partie des données, sans la pénalité, pour que les entraînements se comparent. Chaque histogramme montre les poids d’un entraînement (pas ses biais, qu’aucune pénalité ne touche) en 21 classes sur le même intervalle pour tous, ses barres à l’échelle de la plus haute ; la ligne du milieu est 0.',
  'Early stopping stopped after epoch {stop}, {n} epoch after the lowest validation loss so far, and kept the weights of epoch {kept} (validation loss {loss}, test loss {test}).':
    'L’arrêt précoce a interrompu l’entraînement après l’époque {stop}, {n} époque après la plus basse perte de validation jusque-là, et a gardé les poids de l’époque {kept} (perte de validation {loss}, perte de test {test}).',
  'Early stopping stopped after epoch {stop}, {n} epochs after the lowest validation loss so far, and kept the weights of epoch {kept} (validation loss {loss}, test loss {test}).':
    'L’arrêt précoce a interrompu l’entraînement après l’époque {stop}, {n} époques après la plus basse perte de validation jusque-là, et a gardé les poids de l’époque {kept} (perte de validation {loss}, perte de test {test}).',
  'Early stopping did not stop within {n} epoch: it ends with the last epoch\'s weights, those of the run without regularisation.':
    'L’arrêt précoce n’a pas interrompu l’entraînement en {n} époque : il finit avec les poids de la dernière époque, ceux de l’entraînement sans régularisation.',
  'Early stopping did not stop within {n} epochs: it ends with the last epoch\'s weights, those of the run without regularisation.':
    'L’arrêt précoce n’a pas interrompu l’entraînement en {n} époques : il finit avec les poids de la dernière époque, ceux de l’entraînement sans régularisation.',
  '{run}: {message}': '{run} : {message}',
  'Test loss per epoch': 'Perte de test par époque',
  'Test loss per epoch of each run, from epoch 0 to {epochs}': 'Perte de test par époque de chaque entraînement, de l’époque 0 à {epochs}',
  'the epoch early stopping keeps: {epoch}': 'l’époque que garde l’arrêt précoce : {epoch}',
  'How the page computes them': 'Comment la page les calcule',
  'L2 adds λ/2 · Σw² to the loss, whose gradient is λw; L1 adds λ · Σ|w|, whose gradient is λ · sign(w); both beside the mean loss of each mini-batch. The lecture writes L = Σ lᵢ + λ Σ w² and L = Σ lᵢ + λ Σ |w| beside the sum of the N examples\' losses. Over one and the same loss, its L2 λ is half the page\'s (λ Σ w² against λ/2 · Σw²) and its L1 λ the page\'s; over its sum rather than the page\'s mean, multiply by N as well: the lecture\'s λ = N · λ/2 for L2 and N · λ for L1, with N = 30 training points here. Dropout is inverted dropout: each hidden unit is dropped with probability p for each example of a mini-batch and the units kept are multiplied by 1/(1 − p) while training, so the losses above use the whole network, unscaled. Srivastava et al. (2014), whose figure the lecture shows, write p for the probability of keeping a unit (the page\'s 1 − p) and scale at test time instead, multiplying the weights by it. Early stopping is the run without regularisation, watched by the playground\'s own rule: the validation loss after every epoch, a stop once it has not improved for the patience\'s number of epochs, then the weights of the epoch with the lowest validation loss restored.':
    'L2 ajoute λ/2 · Σw² à la perte, de gradient λw ; L1 ajoute λ · Σ|w|, de gradient λ · sign(w) ; toutes deux à côté de la perte moyenne de chaque mini-lot. Le cours écrit L = Σ lᵢ + λ Σ w² et L = Σ lᵢ + λ Σ |w| à côté de la somme des pertes des N exemples. Pour une même perte, son λ de L2 est la moitié de celui de la page (λ Σ w² contre λ/2 · Σw²) et son λ de L1 celui de la page ; sur sa somme plutôt que sur la moyenne de la page, multipliez aussi par N : le λ du cours vaut N · λ/2 pour L2 et N · λ pour L1, avec N = 30 points d’entraînement ici. Le dropout est le dropout inversé : chaque unité cachée est éteinte avec la probabilité p pour chaque exemple d’un mini-lot et les unités gardées sont multipliées par 1/(1 − p) pendant l’entraînement, si bien que les pertes ci-dessus utilisent le réseau entier, sans mise à l’échelle. Srivastava et al. (2014), dont le cours montre la figure, notent p la probabilité de garder une unité (le 1 − p de la page) et mettent à l’échelle au moment du test, en multipliant les poids par elle. L’arrêt précoce est l’entraînement sans régularisation, surveillé par la règle du bac à sable : la perte de validation après chaque époque, un arrêt dès qu’elle ne s’est pas améliorée depuis le nombre d’époques de la patience, puis le rétablissement des poids de l’époque à la plus basse perte de validation.',
  'the L2 rate must be a number from {low} to {high}': 'le taux L2 doit être un nombre de {low} à {high}',
  'the L1 rate must be a number from {low} to {high}': 'le taux L1 doit être un nombre de {low} à {high}',
  'dropout p must be a number from {low} to {high}': 'le p du dropout doit être un nombre de {low} à {high}',
  'patience must be a whole number from {low} to {high}': 'la patience doit être un nombre entier de {low} à {high}',

  // The lab's tasks
  'A sparse network that still generalises': 'Un réseau creux qui généralise encore',
  'Find an L1 rate with which at least {share} of the weights end near zero (|w| < 0.01) while the L1 run keeps a test accuracy of at least {accuracy}.':
    'Trouvez un taux L1 avec lequel au moins {share} des poids finissent proches de zéro (|w| < 0,01) tandis que l’entraînement L1 garde une exactitude de test d’au moins {accuracy}.',
  '{share} of the weights near zero (now {now}, {n} of {count})': '{share} des poids proches de zéro (actuellement {now}, {n} sur {count})',
  'Beat overfitting with L2 alone': 'Vaincre le surapprentissage avec L2 seule',
  'Find an L2 rate with which the L2 run\'s test loss ends below {loss} after at least {epochs} epochs (the run without regularisation stays near 0.85).':
    'Trouvez un taux L2 avec lequel la perte de test de l’entraînement L2 finit sous {loss} après au moins {epochs} époques (l’entraînement sans régularisation reste vers 0,85).',
  'train at least {least} epochs (now {now})': 'entraînez au moins {least} époques (actuellement {now})',
  'a test loss below {loss} with L2 (now {now})': 'une perte de test sous {loss} avec L2 (actuellement {now})',
  'Enough patience': 'Assez de patience',
  'With too little patience, early stopping gives up before the validation loss has had time to fall and keeps the untrained weights of epoch 0. Find the smallest patience with which it keeps trained weights, and read which epoch it keeps.':
    'Avec trop peu de patience, l’arrêt précoce abandonne avant que la perte de validation ait eu le temps de baisser et garde les poids non entraînés de l’époque 0. Trouvez la plus petite patience avec laquelle il garde des poids entraînés, et lisez quelle époque il garde.',
  'early stopping does not stop within {n} epoch': 'l’arrêt précoce n’interrompt pas l’entraînement en {n} époque',
  'early stopping does not stop within {n} epochs': 'l’arrêt précoce n’interrompt pas l’entraînement en {n} époques',
  'with a patience of {n} epoch it keeps epoch 0, the untrained weights': 'avec une patience de {n} époque, il garde l’époque 0, les poids non entraînés',
  'with a patience of {n} epochs it keeps epoch 0, the untrained weights': 'avec une patience de {n} époques, il garde l’époque 0, les poids non entraînés',
  'a patience of {n} would also keep trained weights': 'une patience de {n} garderait aussi des poids entraînés',
};
