// French: chapter 'initialisation': its text (the fragments between its formulas), its lesson, its lab and its tasks.
export default {
  // The chapter's text
  'The initial weights must differ. If every weight of a layer starts equal, every unit of that layer computes the same value and receives the same gradient, so the units stay copies of each other for ever; random weights break this symmetry. Their scale matters too: a unit\'s sum over':
    'Les poids initiaux doivent être différents. Si tous les poids d’une couche partent égaux, chaque unité de cette couche calcule la même valeur et reçoit le même gradient, si bien que les unités restent pour toujours des copies les unes des autres ; des poids aléatoires brisent cette symétrie. Leur échelle compte aussi : la somme d’une unité sur',
  'inputs has variance': 'entrées a pour variance',
  'times its inputs\', so too large weights saturate sigmoid and tanh units and too small ones make the signal fade through deep networks.':
    'fois celle de ses entrées : des poids trop grands saturent les unités sigmoïdes et tanh, et des poids trop petits font s’éteindre le signal dans les réseaux profonds.',
  'Glorot and Bengio\'s (Xavier) initialisation draws': 'L’initialisation de Glorot et Bengio (Xavier) tire les poids avec',
  '(for units whose slope is 1 around 0, as tanh\'s is); He initialisation draws':
    '(pour des unités dont la pente vaut 1 autour de 0, comme celle de tanh) ; l’initialisation de He les tire avec',
  ', twice as much, because a ReLU passes only half of its inputs. The playground\'s Initialisation setting (More settings) offers zeros, uniform':
    ', deux fois plus, car une ReLU ne laisse passer que la moitié de ses entrées. Le réglage Initialisation du bac à sable (Plus de réglages) propose des zéros, la loi uniforme',
  ', Xavier and He, each uniform or normal, and two schemes whose scale you choose for every layer alike:':
    ', Xavier et He, chacune uniforme ou normale, et deux schémas dont vous choisissez l’échelle, la même pour toutes les couches :',
  'and': 'et',
  'Before Glorot and Bengio (2010), weights were commonly drawn from': 'Avant Glorot et Bengio (2010), les poids étaient couramment tirés de',
  'or from the "standard"': 'ou de la loi « standard »',
  ', whose variance': ', dont la variance',
  'is a third of what keeps the signal\'s variance: with tanh units, the activations shrink layer after layer on the way up. Their figures 6 and 7 stack, layer by layer, the histograms of the activations and of the back-propagated gradients; the rule they derived asks that both keep their variance, forward (':
    'vaut le tiers de ce qui conserve la variance du signal : avec des unités tanh, les activations rétrécissent de couche en couche en montant. Leurs figures 6 et 7 empilent, couche par couche, les histogrammes des activations et des gradients rétropropagés ; la règle qu’ils en tirent demande que les deux conservent leur variance, vers l’avant (',
  ') and backward (': ') et vers l’arrière (',
  '), and settles between the two with Xavier\'s': '), et tranche entre les deux avec la variance de Xavier,',
  '. The lab below draws the same figures for a network you choose, every number computed by the core. Under N(0, 1), sigmoid units saturate: their weighted sums are large, so the activations pile up at 0 and 1, where the slope is almost 0. Under Xavier they no longer saturate, but the sigmoid\'s slope is at most 1/4 where Xavier assumes 1, so δ shrinks about fourfold at every layer on its way back to the input; tanh\'s gradients stay even under Xavier. And see what happens to ReLU units until you give them He\'s variance.':
    '. Le labo ci-dessous trace les mêmes figures pour un réseau de votre choix, chaque nombre calculé par le cœur. Sous N(0, 1), les unités sigmoïdes saturent : leurs sommes pondérées sont grandes, si bien que les activations s’entassent à 0 et à 1, là où la pente est presque nulle. Sous Xavier, elles ne saturent plus, mais la pente de la sigmoïde vaut au plus 1/4 là où Xavier suppose 1 : δ est divisé par environ 4 à chaque couche sur le chemin du retour vers l’entrée ; sous Xavier, les gradients de tanh gardent le même ordre de grandeur d’une couche à l’autre. Voyez aussi ce qui arrive aux unités ReLU tant que vous ne leur donnez pas la variance de He.',

  // The lesson and the playground's task
  'Zero initialisation: symmetry is never broken': 'Initialisation à zéro : la symétrie n’est jamais brisée',
  'Start every weight at zero and every neuron of a layer computes the same thing and receives the same gradient, so they stay copies of each other. Here, with tanh, that gradient is exactly zero: the hidden neurons put out tanh(0) = 0, so the output weights get no gradient, and through output weights of 0 none reaches the hidden layers. Only the output neuron\'s bias moves; every hidden weight and bias stays 0. Random initial weights (Xavier, He) break that symmetry: set Initialisation under More settings and play again.':
    'Si tous les poids partent de zéro, chaque neurone d’une couche calcule la même chose et reçoit le même gradient : les neurones restent des copies les uns des autres. Ici, avec tanh, ce gradient est exactement nul : les neurones cachés donnent tanh(0) = 0, si bien que les poids de sortie ne reçoivent aucun gradient, et à travers des poids de sortie nuls aucun n’atteint les couches cachées. Seul le biais du neurone de sortie bouge ; tous les poids et biais cachés restent à 0. Des poids initiaux aléatoires (Xavier, He) brisent cette symétrie : réglez Initialisation dans Plus de réglages et relancez.',
  'Break the symmetry': 'Briser la symétrie',
  'With the zero-initialised network of the lesson (two hidden layers of 4 on the circles), reach a test accuracy of at least 95%. Training longer will not do it.':
    'Avec le réseau initialisé à zéro de la leçon (deux couches cachées de 4 sur les cercles), atteignez une exactitude de test d’au moins 95\u00a0%. Entraîner plus longtemps n’y suffira pas.',
  'keep the circles and two hidden layers of 4': 'gardez les cercles et deux couches cachées de 4',

  // The lab: its controls
  'Signals and gradients through a deep network': 'Signaux et gradients à travers un réseau profond',
  'A network of several equal hidden layers learns the circles (two inputs, 100 training points, a sigmoid output under cross-entropy, SGD at rate 0.03, batch 10). For each hidden layer, layer 1 next to the inputs at the bottom: the distribution of its activations a and of the gradients backpropagation brings it, δ = ∂L/∂z of each example\'s loss, over every unit and training example, at initialisation and after training. The δ histograms of a panel share one axis, ±3 std of the widest layer, so shrinking gradients look narrower.':
    'Un réseau de plusieurs couches cachées identiques apprend les cercles (deux entrées, 100 points d’entraînement, une sortie sigmoïde avec l’entropie croisée, SGD au taux 0,03, lots de 10). Pour chaque couche cachée, la couche 1 étant en bas, près des entrées : la distribution de ses activations a et des gradients que lui apporte la rétropropagation, δ = ∂L/∂z de la perte de chaque exemple, sur toutes les unités et tous les exemples d’entraînement, à l’initialisation et après l’entraînement. Les histogrammes de δ d’un panneau partagent un même axe, ±3 écarts-types de la couche la plus large, si bien que des gradients qui rétrécissent paraissent plus étroits.',
  'units': 'unités',
  'initialisation': 'schéma d’initialisation',
  'standard U(±1/√n_in)': 'U(±1/√n_in) standard',
  'zeros': 'zéros',
  'σ or a': 'σ ou a',
  'hidden layers': 'couches cachées',
  'units per layer': 'unités par couche',
  'epochs': 'époques',
  'σ or a must be a number from {low} to {high}': '« σ ou a » doit être un nombre de {low} à {high}',
  'hidden layers must be a whole number from {low} to {high}': '« couches cachées » doit être un nombre entier de {low} à {high}',
  'units per layer must be a whole number from {low} to {high}': '« unités par couche » doit être un nombre entier de {low} à {high}',
  'epochs must be a whole number from {low} to {high}': '« époques » doit être un nombre entier de {low} à {high}',

  // The lab: the histograms
  'At initialisation': 'À l’initialisation',
  'After training': 'Après l’entraînement',
  'After {n} epoch': 'Après {n} époque',
  'After {n} epochs': 'Après {n} époques',
  'back-propagated gradients δ': 'les gradients rétropropagés δ',
  'hidden': 'couche cachée',
  'range': 'plage',
  'std': 'écart-type',
  'layer {n}': 'couche {n}',
  'hidden layer {n}: activations from {low} to {high}, std {std}': 'couche cachée {n} : activations de {low} à {high}, écart-type {std}',
  'hidden layer {n}: δ from {low} to {high}, std {std}': 'couche cachée {n} : δ de {low} à {high}, écart-type {std}',
  'δ\'s std at hidden layer 1 is {ratio} times the last hidden layer\'s at initialisation.':
    'Écart-type de δ à la couche cachée 1 : {ratio} fois celui de la dernière couche cachée à l’initialisation.',
  '{ratio} times the last hidden layer\'s at initialisation': '{ratio} fois celui de la dernière couche cachée à l’initialisation',
  '{ratio} times the last hidden layer\'s after {n} epoch': '{ratio} fois celui de la dernière couche cachée après {n} époque',
  '{ratio} times the last hidden layer\'s after {n} epochs': '{ratio} fois celui de la dernière couche cachée après {n} époques',
  'Every hidden layer\'s δ is 0 at initialisation: no gradient reaches the hidden layers, so there is no ratio to show. After {n} epoch, δ\'s std at hidden layer 1 is {after} times the last hidden layer\'s (test accuracy then {accuracy}).':
    'Le δ de chaque couche cachée est nul à l’initialisation : aucun gradient n’atteint les couches cachées, il n’y a donc pas de rapport à montrer. Après {n} époque, l’écart-type de δ à la couche cachée 1 vaut {after} fois celui de la dernière couche cachée (exactitude de test alors : {accuracy}).',
  'Every hidden layer\'s δ is 0 at initialisation: no gradient reaches the hidden layers, so there is no ratio to show. After {n} epochs, δ\'s std at hidden layer 1 is {after} times the last hidden layer\'s (test accuracy then {accuracy}).':
    'Le δ de chaque couche cachée est nul à l’initialisation : aucun gradient n’atteint les couches cachées, il n’y a donc pas de rapport à montrer. Après {n} époques, l’écart-type de δ à la couche cachée 1 vaut {after} fois celui de la dernière couche cachée (exactitude de test alors : {accuracy}).',
  'δ\'s std at hidden layer 1 is {before} times the last hidden layer\'s at initialisation; after {n} epoch every hidden layer\'s δ is 0, so no gradient reaches them (test accuracy then {accuracy}).':
    'Écart-type de δ à la couche cachée 1 : {before} fois celui de la dernière couche cachée à l’initialisation ; après {n} époque, le δ de chaque couche cachée est nul, aucun gradient ne les atteint donc (exactitude de test alors : {accuracy}).',
  'δ\'s std at hidden layer 1 is {before} times the last hidden layer\'s at initialisation; after {n} epochs every hidden layer\'s δ is 0, so no gradient reaches them (test accuracy then {accuracy}).':
    'Écart-type de δ à la couche cachée 1 : {before} fois celui de la dernière couche cachée à l’initialisation ; après {n} époques, le δ de chaque couche cachée est nul, aucun gradient ne les atteint donc (exactitude de test alors : {accuracy}).',
  'Every hidden layer\'s δ is 0, at initialisation and still after {n} epoch: no gradient reaches the hidden layers, so there is no ratio to show (test accuracy then {accuracy}).':
    'Le δ de chaque couche cachée est nul, à l’initialisation et encore après {n} époque : aucun gradient n’atteint les couches cachées, il n’y a donc pas de rapport à montrer (exactitude de test alors : {accuracy}).',
  'Every hidden layer\'s δ is 0, at initialisation and still after {n} epochs: no gradient reaches the hidden layers, so there is no ratio to show (test accuracy then {accuracy}).':
    'Le δ de chaque couche cachée est nul, à l’initialisation et encore après {n} époques : aucun gradient n’atteint les couches cachées, il n’y a donc pas de rapport à montrer (exactitude de test alors : {accuracy}).',
  'δ\'s std at hidden layer 1 is {before} and {after} (test accuracy then {accuracy}).':
    'Écart-type de δ à la couche cachée 1 : {before}, et {after} (exactitude de test alors : {accuracy}).',

  // The lab: symmetry
  'Symmetry': 'Symétrie',
  'Units that are not a copy of another, per hidden layer after training: {counts} of {width}.':
    'Unités qui ne sont la copie d’aucune autre, par couche cachée après l’entraînement : {counts} sur {width}.',
  'Every unit of a layer started equal, got the same gradient and is still the same unit: the rows below are identical, and the layer computes one feature however wide it is.':
    'Toutes les unités d’une couche sont parties égales, ont reçu le même gradient et restent une seule et même unité : les lignes ci-dessous sont identiques, et la couche ne calcule qu’une caractéristique, quelle que soit sa largeur.',
  'Random initial weights made every unit different, and training keeps them so.':
    'Des poids initiaux aléatoires ont rendu chaque unité différente, et l’entraînement les garde ainsi.',
  'Training diverged, so there are no trained units to compare.': 'L’entraînement a divergé : il n’y a pas d’unités entraînées à comparer.',
  'Hidden layer {layer}\'s first units after {n} epoch: bias and first incoming weights':
    'Les premières unités de la couche cachée {layer} après {n} époque : biais et premiers poids entrants',
  'Hidden layer {layer}\'s first units after {n} epochs: bias and first incoming weights':
    'Les premières unités de la couche cachée {layer} après {n} époques : biais et premiers poids entrants',
  'bias': 'biais',
  'w from {n}': 'w depuis {n}',
  'unit {n}': 'unité {n}',

  // The lab: the schemes side by side
  'The schemes side by side': 'Les schémas côte à côte',
  'The same network and data at initialisation under each scheme: the std of the activations and of δ at the first and the last hidden layer. Even layers keep both signals alive; a ratio far from 1 means the gradient vanishes or explodes on its way back.':
    'Le même réseau et les mêmes données à l’initialisation, sous chaque schéma : l’écart-type des activations et de δ à la première et à la dernière couche cachée. Des couches égales gardent les deux signaux en vie ; un rapport loin de 1 signifie que le gradient disparaît ou explose sur le chemin du retour.',
  'at initialisation': 'à l’initialisation',
  'std a, layer {n}': 'écart-type de a, couche {n}',
  'std δ, layer {n}': 'écart-type de δ, couche {n}',
  'largest over smallest std of the activations across the hidden layers':
    'le plus grand écart-type des activations sur le plus petit, parmi les couches cachées',
  'largest over smallest std of δ across the hidden layers': 'le plus grand écart-type de δ sur le plus petit, parmi les couches cachées',
  'a spread': 'dispersion de a',
  'δ spread': 'dispersion de δ',
  'δ layer 1 / layer {n}': 'δ couche 1 / couche {n}',
  '{a} and {b}': '{a} et {b}',
  'With {units} units, none of these keeps both the activations\' and δ\'s std within a factor of {factor} across the {layers} hidden layers.':
    'Avec des unités {units}, aucun de ces schémas ne garde à la fois l’écart-type des activations et celui de δ à un facteur {factor} près sur les {layers} couches cachées.',
  'With {units} units, {schemes} keeps both the activations\' and δ\'s std within a factor of {factor} across the {layers} hidden layers.':
    'Avec des unités {units}, {schemes} garde à la fois l’écart-type des activations et celui de δ à un facteur {factor} près sur les {layers} couches cachées.',
  'With {units} units, {schemes} keep both the activations\' and δ\'s std within a factor of {factor} across the {layers} hidden layers.':
    'Avec des unités {units}, {schemes} gardent à la fois l’écart-type des activations et celui de δ à un facteur {factor} près sur les {layers} couches cachées.',
  'Xavier\'s variance keeps a signal\'s variance through a layer of units whose slope is 1 around 0, as tanh\'s is; tanh\'s slope falls below 1 away from 0, so a little more variance (He\'s, or PyTorch\'s gain of 5/3 on Xavier) does no harm. The standard U(±1/√n_in) has a third of the variance needed, so the activations fade layer after layer; N(0, 1) saturates the units.':
    'La variance de Xavier conserve celle d’un signal à travers une couche d’unités dont la pente vaut 1 autour de 0, comme celle de tanh ; la pente de tanh passe sous 1 loin de 0, si bien qu’un peu plus de variance (celle de He, ou le gain de 5/3 que PyTorch applique à Xavier) ne nuit pas. La loi standard U(±1/√n_in) n’a que le tiers de la variance nécessaire, si bien que les activations s’éteignent de couche en couche ; N(0, 1) sature les unités.',
  'Xavier\'s variance assumes a slope of 1 around 0, but the sigmoid\'s is at most 1/4, so under Xavier each layer divides δ by about 4 on its way back (the last column); N(0, 1)\'s large weights make up for the small slope on δ\'s way back but saturate the units (their activations pile up at 0 and 1), and the sigmoid\'s outputs are not centred on 0. Deep networks use tanh with Xavier or ReLU with He.':
    'La variance de Xavier suppose une pente de 1 autour de 0, mais celle de la sigmoïde vaut au plus 1/4 : sous Xavier, chaque couche divise δ par environ 4 au retour (la dernière colonne) ; les grands poids de N(0, 1) compensent la faible pente au retour de δ mais saturent les unités (leurs activations s’entassent à 0 et à 1), et les sorties de la sigmoïde ne sont pas centrées en 0. Les réseaux profonds utilisent tanh avec Xavier ou ReLU avec He.',
  'He\'s variance, 2/n_in, is twice Xavier\'s because a ReLU passes on only half of its inputs: under Xavier the signal halves its variance at each layer, and under N(0, 1) it grows with every layer until training diverges.':
    'La variance de He, 2/n_in, est le double de celle de Xavier, car une ReLU ne transmet que la moitié de ses entrées : sous Xavier, le signal perd la moitié de sa variance à chaque couche, et sous N(0, 1) elle croît à chaque couche jusqu’à ce que l’entraînement diverge.',

  // The lab's tasks
  'Saturated sigmoid units under N(0, 1)': 'Des unités sigmoïdes saturées sous N(0, 1)',
  'Give the network sigmoid units and weights drawn from N(0, 1) (the scheme N(0, σ²) with σ = 1), as was common before Glorot and Bengio, and at least 5 hidden layers. At initialisation the weighted sums are large and the units saturate: at least {least} of every hidden layer\'s activations sit in the histogram\'s end bars, at 0 and 1, where the sigmoid\'s slope is almost 0; and δ\'s histograms narrow from the last hidden layer down to the first, the first\'s std less than half of the last\'s. Then try Xavier uniform: the units no longer saturate, but Xavier assumes a slope of 1 and the sigmoid\'s is at most 1/4, so δ shrinks about fourfold at every layer (the last column of the schemes side by side). Tanh, whose slope is 1 at 0, keeps δ even under Xavier.':
    'Donnez au réseau des unités sigmoïdes et des poids tirés de N(0, 1) (le schéma N(0, σ²) avec σ = 1), comme c’était courant avant Glorot et Bengio, et au moins 5 couches cachées. À l’initialisation, les sommes pondérées sont grandes et les unités saturent : au moins {least} des activations de chaque couche cachée tombent dans les barres extrêmes de l’histogramme, à 0 et à 1, là où la pente de la sigmoïde est presque nulle ; et les histogrammes de δ se resserrent de la dernière couche cachée jusqu’à la première, l’écart-type de la première valant moins de la moitié de celui de la dernière. Essayez ensuite Xavier uniforme : les unités ne saturent plus, mais Xavier suppose une pente de 1 et celle de la sigmoïde vaut au plus 1/4, si bien que δ est divisé par environ 4 à chaque couche (la dernière colonne des schémas côte à côte). Avec tanh, dont la pente vaut 1 en 0, δ garde le même ordre de grandeur d’une couche à l’autre sous Xavier.',
  'Keep tanh gradients alive through every layer': 'Garder les gradients tanh en vie à travers toutes les couches',
  'With tanh units and at least 5 hidden layers, choose an initialisation under which, at initialisation, every hidden layer\'s δ std is within a factor of {factor} of every other\'s, and the last hidden layer\'s activations keep a std of at least 0.2.':
    'Avec des unités tanh et au moins 5 couches cachées, choisissez une initialisation sous laquelle, à l’initialisation, l’écart-type de δ de chaque couche cachée est à un facteur {factor} près de celui de toutes les autres, et où les activations de la dernière couche cachée gardent un écart-type d’au moins 0,2.',
  'The scheme for ReLU': 'Le schéma pour ReLU',
  'With ReLU units and at least 5 hidden layers, choose an initialisation under which, at initialisation, every hidden layer\'s activation std and every hidden layer\'s δ std stay within a factor of {factor} of each other. Which one of the named schemes does it, and why?':
    'Avec des unités ReLU et au moins 5 couches cachées, choisissez une initialisation sous laquelle, à l’initialisation, les écarts-types des activations de toutes les couches cachées restent à un facteur {factor} près les uns des autres, de même que ceux de δ. Lequel des schémas nommés y parvient, et pourquoi ?',
  '{units} units with {scheme}': 'des unités {units} sous {scheme}',
  'choose sigmoid units (now {units})': 'choisissez des unités sigmoïdes (actuellement {units})',
  'choose tanh units (now {units})': 'choisissez des unités tanh (actuellement {units})',
  'choose ReLU units (now {units})': 'choisissez des unités ReLU (actuellement {units})',
  'draw the weights from N(0, 1): the scheme N(0, σ²) with σ = 1': 'tirez les poids de N(0, 1) : le schéma N(0, σ²) avec σ = 1',
  'use at least 5 hidden layers (now {n})': 'utilisez au moins 5 couches cachées (actuellement {n})',
  'only {share} of hidden layer {n}\'s activations are in the end bars, at 0 and 1: its units do not saturate here':
    'seulement {share} des activations de la couche cachée {n} tombent dans les barres extrêmes, à 0 et à 1 : ses unités ne saturent pas ici',
  'δ\'s std does not shrink at every layer toward the input here ({std})':
    'l’écart-type de δ ne diminue pas ici à chaque couche vers l’entrée ({std})',
  'δ\'s std at the first hidden layer is {ratio} of the last\'s': 'l’écart-type de δ à la première couche cachée vaut {ratio} fois celui de la dernière',
  'with {named} the δ std of the hidden layers spans a factor of {spread}':
    'avec {named}, l’écart-type de δ des couches cachées varie d’un facteur {spread}',
  'with {named} every hidden layer\'s δ is 0: no gradient reaches them, so there is no spread to measure':
    'avec {named}, le δ de chaque couche cachée est nul : aucun gradient ne les atteint, il n’y a donc pas de dispersion à mesurer',
  'with {named} every hidden unit puts out the same value on every example: the activations\' std is 0 in every layer, so there is no spread to measure':
    'avec {named}, chaque unité cachée donne la même valeur sur chaque exemple : l’écart-type des activations est nul dans chaque couche, il n’y a donc pas de dispersion à mesurer',
  'the last hidden layer\'s activations have std {std}': 'les activations de la dernière couche cachée ont un écart-type de {std}',
  'with {named} the activations\' std spans a factor of {spread}': 'avec {named}, l’écart-type des activations varie d’un facteur {spread}',
  'with {named} δ\'s std spans a factor of {spread}': 'avec {named}, l’écart-type de δ varie d’un facteur {spread}',
};
