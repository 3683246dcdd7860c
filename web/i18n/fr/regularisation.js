// French: chapter 'regularisation': its text (the fragments between its formulas), its lessons and its task.
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
  'keep three hidden layers of 8': 'gardez trois couches cachées de 8',
  'train at least 200 epochs (now {epoch})': 'entraînez au moins 200 époques (actuellement {epoch})',
  'test loss below 0.5 (now {loss})': 'une perte de test sous 0,5 (actuellement {loss})',
};
