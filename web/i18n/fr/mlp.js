// French: chapter 'mlp': its text (the fragments between its formulas), its labs and its tasks.
import { inContext } from '../context.js';

export default {
  // The chapter's text
  'A multi-layer perceptron stacks layers of units. Layer':
    'Un perceptron multicouche empile des couches d’unités. La couche',
  'takes the previous layer\'s activations and computes':
    'prend les activations de la couche précédente et calcule',
  'where': 'où',
  'has one row per unit of the layer and one column per unit below it:':
    'a une ligne par unité de la couche et une colonne par unité de la couche du dessous :',
  '. The forward pass applies this from the inputs to the output, one matrix product per layer.':
    '. La propagation avant applique cette règle des entrées jusqu’à la sortie, un produit matriciel par couche.',
  'One unit draws a single straight boundary; a hidden layer lets the network combine several and bend it, which is why XOR, out of reach for one unit, needs a hidden layer. Below are the current network\'s layers as the core holds them: the shape of each matrix and how many weights and biases it has.':
    'Une unité trace une seule frontière droite ; une couche cachée permet au réseau d’en combiner plusieurs et de la courber : c’est pourquoi XOR, hors de portée d’une unité seule, demande une couche cachée. Ci-dessous, les couches du réseau actuel telles que le cœur les contient : la forme de chaque matrice et son nombre de poids et de biais.',

  // The current network in numbers
  'The current network in numbers': 'Le réseau actuel en chiffres',
  'layer': 'couche',
  'W shape': 'forme de W',
  'weights': 'poids',
  'biases': 'biais',
  'output': 'sortie',
  'hidden {l}': 'cachée {l}',
  'hidden {l}, {n} piece': 'cachée {l}, {n} morceau',
  'hidden {l}, {n} pieces': 'cachée {l}, {n} morceaux',
  'Layer sizes [{sizes}]: {terms} = {total}.': 'Tailles des couches [{sizes}] : {terms} = {total}.',
  '{n} weight': '{n} poids',
  '{n} weights': '{n} poids',
  '{n} bias': '{n} biais',
  '{n} biases': '{n} biais',
  '{n} PReLU slope': '{n} pente PReLU',
  '{n} PReLU slopes': '{n} pentes PReLU',
  '{n} parameter': '{n} paramètre',
  '{n} parameters': '{n} paramètres',

  // Lessons
  'XOR needs a hidden layer': 'XOR demande une couche cachée',
  'With no hidden layer the network can only draw one straight line, and no straight line separates the two diagonals of XOR: press play and the test accuracy stalls around two thirds. Add a hidden layer with the + button and play again: a few tanh neurons bend the boundary and XOR is solved.':
    'Sans couche cachée, le réseau ne peut tracer qu’une droite, et aucune droite ne sépare les deux diagonales de XOR : lancez la lecture et l’exactitude de test plafonne vers les deux tiers. Ajoutez une couche cachée avec le bouton + et relancez : quelques neurones tanh courbent la frontière et XOR est résolu.',
  'The right features need no hidden layer': 'Les bonnes entrées se passent de couche cachée',
  'A circle is a straight line in the squares: x1² + x2² = r². Given x1² and x2² as inputs, a single output neuron separates the inner ring from the outer one. Hidden layers learn such features for you; picking them by hand shows what they have to find.':
    'Un cercle est une droite dans les carrés : x1² + x2² = r². Avec x1² et x2² comme entrées, un seul neurone de sortie sépare l’anneau intérieur de l’anneau extérieur. Les couches cachées apprennent de telles entrées à votre place ; les choisir à la main montre ce qu’elles doivent trouver.',
  'Fitting a curve: x → y': 'Approcher une courbe : x → y',
  'A 1-D data set: one input x and a target y = sin(x) with a little noise. The output plot now shows y against x: the points and the network\'s output curve, drawn from the core as it trains. Press play and watch eight tanh units bend a line into two periods of a sine; then try one unit, or ReLU, and see which shapes they can make.':
    'Un jeu de données à une dimension : une entrée x et une cible y = sin(x) avec un peu de bruit. Le graphique de sortie montre maintenant y en fonction de x : les points et la courbe de sortie du réseau, tracée par le cœur pendant l’entraînement. Lancez la lecture et regardez huit unités tanh plier une droite en deux périodes de sinus ; essayez ensuite une seule unité, ou ReLU, et voyez quelles formes elles peuvent produire.',

  // The chapter's tasks on the playground
  'XOR with one small hidden layer': 'XOR avec une petite couche cachée',
  'Get the test accuracy on XOR above 95% with one hidden layer of at most 4 neurons. The set-up has no hidden layer: add one (the + above the network), give it neurons, then play.':
    'Faites passer l’exactitude de test sur XOR au-dessus de 95\u00a0% avec une couche cachée d’au plus 4 neurones. La configuration n’a pas de couche cachée : ajoutez-en une (le + au-dessus du réseau), donnez-lui des neurones, puis lancez la lecture.',
  'choose the XOR dataset': 'choisissez le jeu de données XOR',
  'use one hidden layer of at most 4 neurons (now {now})': 'utilisez une couche cachée d’au plus 4 neurones (actuellement {now})',
  'use one hidden layer of at most 4 neurons (now none)': 'utilisez une couche cachée d’au plus 4 neurones (actuellement aucune)',
  'test accuracy above 95% (now {now})': 'une exactitude de test supérieure à 95\u00a0% (actuellement {now})',
  'A network with 37 parameters': 'Un réseau à 37 paramètres',
  'On the inputs x1 and x2 with one output, build a network with exactly 37 parameters (weights and biases together). "The current network in numbers" counts them as you add layers and neurons.':
    'Sur les entrées x1 et x2 avec une sortie, construisez un réseau d’exactement 37 paramètres (poids et biais ensemble). « Le réseau actuel en chiffres » les compte à mesure que vous ajoutez couches et neurones.',
  'use exactly the features x1 and x2': 'utilisez exactement les entrées x1 et x2',
  '37 parameters (now {now})': '37 paramètres (actuellement {now})',
  'one output: choose a two-class dataset (now {now} outputs, one per class)':
    'une seule sortie : choisissez un jeu de données à deux classes (actuellement {now} sorties, une par classe)',

  // What one hidden layer can do
  'What one hidden layer can do': 'Ce que peut faire une seule couche cachée',
  'A network with one hidden layer of N units and a linear output computes':
    'Un réseau à une couche cachée de N unités et à sortie linéaire calcule',
  ': a sum of N scaled, shifted copies of one curve. Cybenko (1989) and Hornik (1991) showed that for any continuous f on a bounded box and any ε > 0, some N and some weights bring F within ε of f everywhere, for any non-constant, bounded, increasing, continuous f such as the sigmoid. The theorem says nothing about how large N must be or whether training finds the weights:':
    ' : une somme de N copies d’une même courbe, mises à l’échelle et décalées. Cybenko (1989) et Hornik (1991) ont montré que pour toute fonction continue f sur un pavé borné et tout ε > 0, un certain N et certains poids amènent F à moins de ε de f partout, pour toute f non constante, bornée, croissante et continue comme la sigmoïde. Le théorème ne dit ni quelle taille N doit avoir, ni si l’entraînement trouve les poids :',
  'below, a network with the same seed is trained for {epochs} epochs (Adam, full batch) for each choice.':
    'ci-dessous, un réseau de même graine est entraîné pendant {epochs} époques (Adam, lot complet) pour chaque choix.',
  'data': 'données',
  'hidden units': 'unités cachées',
  'N, the number of hidden units': 'N, le nombre d’unités cachées',
  [inContext('dataset', 'bump')]: 'bosse',
  [inContext('dataset', 'sine')]: 'sinus',
  [inContext('dataset', 'step')]: 'échelon',
  [inContext('dataset', 'abs')]: 'valeur absolue',
  [inContext('dataset', 'circles')]: 'cercles',
  [inContext('dataset', 'xor')]: 'XOR',
  [inContext('dataset', 'gaussians')]: 'gaussiennes',
  [inContext('dataset', 'moons')]: 'lunes',
  [inContext('unit', 'sigmoid')]: 'sigmoïde',
  // …and the other activations named by a word in a sentence (views/names.js ACTIVATION_WORDS), where French differs
  [inContext('unit', 'linear')]: 'linéaire',
  [inContext('unit', 'step')]: 'échelon',
  [inContext('unit', 'absolute value')]: 'valeur absolue',
  'relu': 'ReLU',
  'The data, each hidden unit\'s scaled curve (thin, coloured), the output bias (dotted) and their sum F(x) (thick)':
    'Les données, la courbe mise à l’échelle de chaque unité cachée (fine, en couleur), le biais de sortie (en pointillé) et leur somme F(x) (épaisse)',
  '{n} {act} unit after {epochs} epochs: training loss {train}, test loss {test} (½ the mean squared error).':
    '{n} unité à activation {act} après {epochs} époques : perte d’entraînement {train}, perte de test {test} (½ de l’erreur quadratique moyenne).',
  '{n} {act} units after {epochs} epochs: training loss {train}, test loss {test} (½ the mean squared error).':
    '{n} unités à activation {act} après {epochs} époques : perte d’entraînement {train}, perte de test {test} (½ de l’erreur quadratique moyenne).',
  'Output bias b = {bias}.': 'Biais de sortie b = {bias}.',
  'Test loss against the number of hidden units N, log scale': 'Perte de test en fonction du nombre N d’unités cachées, échelle log',
  'Test loss against N (log scale), one network per N.': 'Perte de test en fonction de N (échelle log), un réseau par N.',
  'unit i': 'unité i',
  'where it switches, −bᵢ/wᵢ': 'où elle bascule, −bᵢ/wᵢ',
  'In two dimensions: half-planes and regions': 'En deux dimensions : demi-plans et régions',
  'With two inputs each hidden unit is on along one side of a line':
    'Avec deux entrées, chaque unité cachée est active d’un côté d’une droite',
  'and off along the other. The output adds': 'et inactive de l’autre. La sortie ajoute',
  'for each unit that is on, so each line has a side that raises the output (its own positive side when':
    'pour chaque unité active, si bien que chaque droite a un côté qui fait monter la sortie (son propre côté positif quand',
  ', the other when': ', l’autre quand',
  '; the tick points to it). Where every line\'s raising side meets (AND) the half-planes carve out a convex region; where any one holds (OR), a union. The region chosen below is drawn strong, the rest pale.':
    ' ; le petit trait le désigne). Là où se rejoignent les côtés montants de toutes les droites (AND), les demi-plans découpent une région convexe ; là où l’un d’eux suffit (OR), une union. La région choisie ci-dessous est dessinée en couleur franche, le reste en pâle.',
  'units': 'unités',
  'region': 'région',
  'AND: every unit raises the output': 'AND : chaque unité fait monter la sortie',
  'OR: some unit does': 'OR : au moins une unité le fait',
  'The plane with each hidden unit\'s line, the chosen region and the points':
    'Le plan avec la droite de chaque unité cachée, la région choisie et les points',
  'units must be a whole number from 1 to {max}': 'le nombre d’unités doit être un entier de 1 à {max}',
  '{n} {act} unit on {data}: test accuracy {accuracy}.': '{n} unité à activation {act} sur « {data} » : exactitude de test {accuracy}.',
  '{n} {act} units on {data}: test accuracy {accuracy}.': '{n} unités à activation {act} sur « {data} » : exactitude de test {accuracy}.',
  'The AND region (every unit on the side that raises the output) covers {covered} of the square.':
    'La région AND (chaque unité du côté qui fait monter la sortie) couvre {covered} du carré.',
  'The OR region (some unit on it) covers {covered} of the square.':
    'La région OR (au moins une unité de ce côté) couvre {covered} du carré.',

  // The lab's tasks
  'A bump from a few units': 'Une bosse avec peu d’unités',
  'Fit the bump with a test loss below {target} using at most 3 hidden units. How do the scaled units add up to it?':
    'Approchez la bosse avec une perte de test inférieure à {target} en utilisant au plus 3 unités cachées. Comment les unités mises à l’échelle s’additionnent-elles pour la former ?',
  'choose the bump': 'choisissez la bosse',
  'use at most 3 units (now {n})': 'utilisez au plus 3 unités (actuellement {n})',
  'test loss below {target} (now {now})': 'une perte de test inférieure à {target} (actuellement {now})',
  'One sigmoid is a step': 'Une sigmoïde est un échelon',
  'Fit the step with a single unit and a test loss below {target}. Which activation does it with one unit?':
    'Approchez l’échelon avec une seule unité et une perte de test inférieure à {target}. Quelle activation y parvient avec une unité ?',
  'choose the step': 'choisissez l’échelon',
  'use exactly 1 unit (now {n})': 'utilisez exactement 1 unité (actuellement {n})',
  'A region from half-planes': 'Une région faite de demi-plans',
  'On the circles, find the fewest units whose half-planes enclose the inner disc with a test accuracy of at least {target}: start from one unit and add one at a time.':
    'Sur les cercles, trouvez le plus petit nombre d’unités dont les demi-plans enferment le disque intérieur avec une exactitude de test d’au moins {target} : partez d’une unité et ajoutez-en une à la fois.',
  'choose the circles for the 2-D view': 'choisissez les cercles pour la vue 2D',
  'use fewer units: three lines already close a triangle around the disc (now {n})':
    'utilisez moins d’unités : trois droites ferment déjà un triangle autour du disque (actuellement {n})',
  'test accuracy of at least {target} (now {now})': 'une exactitude de test d’au moins {target} (actuellement {now})',
};
