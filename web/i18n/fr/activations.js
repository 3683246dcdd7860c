// French: chapter 'activations': its text (the fragments between its formulas), its lessons, its lab and its tasks.
export default {
  // The chapter's text
  'The activation makes the network non-linear: without one, a stack of layers collapses into a single linear map, however deep. It also keeps a neuron\'s output in a useful interval. What we want from one: a slope that does not vanish, since every weight learns through it; outputs centred on 0, so the next layer\'s gradients do not all share a sign; cheap to compute with its derivative, since it runs at every neuron for every example; and differentiable, at least piecewise.':
    'L’activation rend le réseau non linéaire : sans elle, un empilement de couches se réduit à une seule application linéaire, quelle que soit sa profondeur. Elle maintient aussi la sortie d’un neurone dans un intervalle utile. Ce qu’on attend d’elle : une pente qui ne s’annule pas, puisque chaque poids apprend à travers elle ; des sorties centrées en 0, pour que les gradients de la couche suivante ne soient pas tous du même signe ; un calcul peu coûteux, dérivée comprise, puisqu’elle est évaluée à chaque neurone pour chaque exemple ; et la dérivabilité, au moins par morceaux.',
  'The sigmoid': 'La sigmoïde',
  'has range (0, 1) and slope': 'est à valeurs dans ]0 ; 1[, de pente',
  '; it saturates on both sides and is not centred on 0. tanh,':
    '; elle sature des deux côtés et n’est pas centrée en 0. tanh,',
  ', is centred, with range (−1, 1) and slope at most 1, but saturates too. ReLU,':
    ', est centrée, à valeurs dans ]−1 ; 1[ et de pente au plus 1, mais sature elle aussi. ReLU,',
  ', costs one comparison and passes a slope of exactly 1 where it is active, 0 where it is not; leaky ReLU keeps a small slope a for':
    ', coûte une comparaison et transmet une pente d’exactement 1 là où elle est active, 0 ailleurs ; leaky ReLU garde une petite pente a pour',
  ', ELU a smooth exponential tail. Three more are offered for hidden layers only: the absolute value |z|, whose slope is −1 or 1 (0 at z = 0 itself, as ReLU\'s is here; it never dies, but folds the input onto itself); GELU,':
    ', ELU une queue exponentielle lisse. Trois autres sont proposées pour les couches cachées seulement : la valeur absolue |z|, dont la pente vaut −1 ou 1 (0 en z = 0 même, comme celle de ReLU ici ; elle ne meurt jamais, mais replie l’entrée sur elle-même) ; GELU,',
  'with Φ the standard normal distribution function (computed exactly, with erf, not with the usual tanh approximation); and swish (SiLU),':
    'où Φ est la fonction de répartition de la loi normale centrée réduite (calculée exactement, avec erf, et non par l’approximation habituelle en tanh) ; et swish (SiLU),',
  '. GELU and swish are smooth versions of ReLU that dip slightly below 0 for negative z and are steeper than 1 just past it; the table below gives the numbers. PReLU is leaky ReLU whose slope for':
    '. GELU et swish sont des versions lisses de ReLU qui passent légèrement sous 0 pour z négatif et dont la pente dépasse 1 juste après 0 ; le tableau ci-dessous en donne les valeurs. PReLU est une leaky ReLU dont la pente pour',
  'is a parameter of its own, one per unit: it starts at 0.25 and backpropagation trains it like a weight, with':
    'est un paramètre à part entière, un par unité : elle part de 0,25 et la rétropropagation l’entraîne comme un poids, avec',
  'over the examples. The lab draws it at 0.25; choose it in the playground and the slopes each unit learns show under the network as it trains. Maxout goes one step further and learns the shape of the activation itself: each unit has k weight vectors and k biases (k = 2 to 4 here) and outputs the largest of its k linear pieces,':
    'sommé sur les exemples. Le labo la trace à 0,25 ; choisissez-la dans le bac à sable et les pentes que chaque unité apprend s’affichent sous le réseau pendant l’entraînement. Maxout va plus loin et apprend la forme même de l’activation : chaque unité a k vecteurs de poids et k biais (ici k = 2 à 4) et sort la plus grande de ses k pièces linéaires,',
  '. ReLU is the special case of two pieces with one held at 0,':
    '. ReLU en est le cas particulier à deux pièces dont l’une est fixée à 0,',
  '; in general a maxout unit is piecewise linear and convex in its input, passes the gradient back through the winning piece alone (the lowest-numbered one on a tie), and costs k times the weights. It has no single curve to draw in the lab: choose it in the playground with its number of pieces, and the step panel shows each unit\'s pieces and which one won. For a multi-class output, softmax turns a vector of scores into probabilities:':
    '; en général, une unité maxout est linéaire par morceaux et convexe en son entrée, ne renvoie le gradient que par la pièce gagnante (celle de plus petit numéro en cas d’égalité) et coûte k fois plus de poids. Elle n’a pas de courbe unique à tracer dans le labo : choisissez-la dans le bac à sable avec son nombre de pièces, et le panneau du pas d’entraînement montre les pièces de chaque unité et celle qui l’emporte. Pour une sortie à plusieurs classes, softmax transforme un vecteur de scores en probabilités :',
  'Backpropagation multiplies δ by one slope per layer, and by the layer\'s weights. The sigmoid\'s slope is at most 1/4, so each sigmoid layer multiplies δ by at most 1/4 times what its weights contribute, and a deep sigmoid network passes back a gradient that shrinks layer by layer (vanishing gradients): in the first lesson below, at the start, each layer of weights between sigmoid layers gets a gradient 2 to 5 times smaller than the next layer\'s, orders of magnitude smaller by the first layer. A ReLU pushed negative for every input passes back nothing and never recovers (a dead ReLU). The lab below computes every curve, slope, property and product in the core; the lessons after it show both failures in the playground, where "Gradients and activations by layer" under the network shows them while training.':
    'La rétropropagation multiplie δ par une pente par couche, et par les poids de la couche. La pente de la sigmoïde vaut au plus 1/4 : chaque couche sigmoïde multiplie donc δ par au plus 1/4 fois l’apport de ses poids, et un réseau sigmoïde profond renvoie un gradient qui diminue de couche en couche (disparition du gradient) : dans la première leçon ci-dessous, au départ, chaque couche de poids entre deux couches sigmoïdes reçoit un gradient 2 à 5 fois plus petit que celui de la couche suivante, plus petit de plusieurs ordres de grandeur à la première couche. Une ReLU poussée dans le négatif pour toutes les entrées ne renvoie plus rien et ne s’en remet jamais (un neurone mort). Le labo ci-dessous calcule chaque courbe, pente, propriété et produit dans le cœur ; les leçons qui suivent montrent les deux échecs dans le bac à sable, où « Gradients et activations par couche », sous le réseau, les fait voir pendant l’entraînement.',

  // Lessons
  'Vanishing gradients in a deep sigmoid network': 'Disparition du gradient dans un réseau sigmoïde profond',
  'The sigmoid\'s slope is at most 1/4, and backpropagation multiplies one such slope per layer, so at the start the gradient reaching the first layers is thousands of times smaller than at the output. Six sigmoid layers barely move: the network settles on one guess for every point. Under the network, "Gradients and activations by layer" shows it: every sigmoid layer\'s mean slope f′ is below 0.25, the activations crowd around 0.5, and over the first ten or so epochs the gradient lines fan out by orders of magnitude from the output down to the first layer; once the output has settled on its guess, every layer\'s gradient falls with it. Switch the activation to ReLU or tanh and the same network learns.':
    'La pente de la sigmoïde vaut au plus 1/4, et la rétropropagation multiplie une telle pente par couche : au départ, le gradient qui atteint les premières couches est des milliers de fois plus petit qu’à la sortie. Six couches sigmoïdes bougent à peine : le réseau se fixe sur une même réponse pour tous les points. Sous le réseau, « Gradients et activations par couche » le montre : la pente moyenne f′ de chaque couche sigmoïde est sous 0,25, les activations se serrent autour de 0,5, et pendant la dizaine d’époques du début les courbes de gradient s’écartent de plusieurs ordres de grandeur de la sortie jusqu’à la première couche ; une fois la sortie fixée sur sa réponse, le gradient de chaque couche retombe avec elle. Passez l’activation à ReLU ou tanh et le même réseau apprend.',
  'Dead ReLUs from a large learning rate': 'Des ReLU mortes par un grand taux d’apprentissage',
  'A learning rate of 3 throws the weights so far in the first steps that many ReLU neurons end up negative for every input. Their output and their gradient are then zero, so they never recover: their heatmaps go flat and the loss stops falling. Lower the learning rate to 0.03 and press "New weights".':
    'Un taux d’apprentissage de 3 projette les poids si loin dès les premiers pas que beaucoup de neurones ReLU finissent négatifs pour toutes les entrées. Leur sortie et leur gradient sont alors nuls, et ils ne s’en remettent jamais : leurs cartes deviennent uniformes et la perte cesse de baisser. Ramenez le taux d’apprentissage à 0,03 et appuyez sur « Nouveaux poids ».',

  // The playground's task
  'Make six layers learn': 'Faire apprendre six couches',
  'Keep all six hidden layers of the vanishing-gradient set-up and reach a test accuracy of at least 95% on the circles.':
    'Gardez les six couches cachées de la configuration de disparition du gradient et atteignez une exactitude de test d’au moins 95\u00a0% sur les cercles.',
  'keep the circles': 'gardez les cercles',
  'keep six hidden layers (now {n})': 'gardez six couches cachées (actuellement {n})',

  // The lab: the curves
  'Activation functions and their slopes': 'Les fonctions d’activation et leurs pentes',
  'Each plot shows f(z) (solid) and its slope f′(z) (dashed) on the same axes. Move z: the dots mark it on both curves, with the core\'s values under each plot.':
    'Chaque graphique montre f(z) (trait plein) et sa pente f′(z) (tirets) sur les mêmes axes. Déplacez z : les points le marquent sur les deux courbes, avec les valeurs du cœur sous chaque graphique.',
  'z (slider)': 'z (curseur)',
  'leaky slope a': 'pente de fuite a',
  'a must be a number from 0 to 0.99': 'a doit être un nombre de 0 à 0,99',
  'z must be a number from −6 to 6, the plots\' window': 'z doit être un nombre de −6 à 6, la fenêtre des tracés',
  'α must be a number from 0.1 to 10': 'α doit être un nombre de 0,1 à 10',
  '{name}: f(z) = {formula}, solid, and its slope f′(z), dashed, for z from −6 to 6':
    '{name} : f(z) = {formula}, en trait plein, et sa pente f′(z), en tirets, pour z de −6 à 6',
  // the core's formulas (core/activation.cpp) that hold words
  '1 if z > 0, else 0': '1 si z > 0, 0 sinon',
  'z if z > 0, else a·z': 'z si z > 0, a·z sinon',
  'z if z > 0, else α(e^z − 1)': 'z si z > 0, α(e^z − 1) sinon',
  'z·Φ(z), Φ the standard normal CDF (exact, with erf)': 'z·Φ(z), Φ la fonction de répartition de la loi normale centrée réduite (exacte, avec erf)',
  'z if z > 0, else aᵢ·z (aᵢ learned per unit; 0.25 here, where every unit starts)':
    'z si z > 0, aᵢ·z sinon (aᵢ appris par unité ; ici 0,25, la valeur de départ de chaque unité)',

  // The lab: the properties
  'What each one is like': 'Le profil de chacune',
  'Measured by the core on the same code the network runs: the range from f far out on each side, the largest slope over z from −40 to 40, saturation where f′ dies out.':
    'Mesuré par le cœur sur le code même qu’exécute le réseau : la plage de valeurs, d’après f loin de chaque côté, la plus grande pente pour z de −40 à 40, la saturation là où f′ s’éteint.',
  'activation': 'fonction d’activation',
  'range': 'plage',
  'zero-centred': 'centrée en 0',
  'saturates': 'sature',
  'largest f′': 'plus grande f′',
  'differentiable everywhere': 'dérivable partout',
  'cost': 'coût',
  'yes': 'oui',
  'no': 'non',
  'partly': 'en partie',
  'both sides': 'des deux côtés',
  'as z → −∞': 'quand z → −∞',
  'as z → +∞': 'quand z → +∞',
  // the core's costs
  'none': 'aucun',
  'comparison': 'comparaison',
  // intervals, as French writes them
  '{{low}, {high}}': '{{low} ; {high}}',
  '({low}, {high})': ']{low} ; {high}[',
  '({low}, {high}]': ']{low} ; {high}]',
  '[{low}, {high})': '[{low} ; {high}[',
  '[{low}, {high}]': '[{low} ; {high}]',

  // The lab: softmax
  'Softmax: scores into probabilities': 'Softmax : des scores aux probabilités',
  'logits z': 'scores z (logits)',
  'Type the logits as numbers separated by commas.': 'Tapez les logits comme des nombres séparés par des virgules.',
  'softmax(z)ᵢ = e^zᵢ / Σₖ e^zₖ: every output in (0, 1), together they add up to 1, and the largest logit gets the largest share. For the lecture\'s logits {logits} the slide prints {slide}, which is each logit divided by their sum, not softmax; softmax gives {softmax}.':
    'softmax(z)ᵢ = e^zᵢ / Σₖ e^zₖ : chaque sortie est dans ]0 ; 1[, leur somme vaut 1, et le plus grand logit reçoit la plus grande part. Pour les logits du cours, {logits}, la diapositive affiche {slide}, soit chaque logit divisé par leur somme, et non softmax ; softmax donne {softmax}.',

  // The lab: the chain
  'The product of slopes down a chain of layers': 'Le produit des pentes le long d’une chaîne de couches',
  'Backpropagation multiplies the gradient by f′(z) at every layer it passes (here one unit per layer, every weight 1), so after k layers it carries the product of k slopes.':
    'La rétropropagation multiplie le gradient par f′(z) à chaque couche traversée (ici une unité par couche, tous les poids à 1) : après k couches, il porte le produit de k pentes.',
  'layers': 'couches',
  'z in each layer': 'z dans chaque couche',
  'its steepest (best case)': 'là où elle est la plus raide (meilleur cas)',
  'as typed': 'tel que tapé',
  'typed z': 'z tapés',
  'Typed z: one per layer from the output back, the last repeated for the layers after it.':
    'z tapés : un par couche en partant de la sortie, le dernier répété pour les couches suivantes.',
  'The product of the slopes after each layer, on a log scale, with 10⁻³ marked':
    'Le produit des pentes après chaque couche, en échelle logarithmique, avec 10⁻³ marqué',
  'layer back': 'couche (depuis la sortie)',
  'product so far': 'produit cumulé',
  'layers must be a whole number from 1 to {max}': '« couches » doit être un nombre entier de 1 à {max}',
  'type the z of each layer as numbers separated by commas': 'tapez le z de chaque couche comme des nombres séparés par des virgules',
  'After {n} layer the gradient is multiplied by {product}. At their best over {n} layer: {best}.':
    'Après {n} couche, le gradient est multiplié par {product}. Au mieux sur {n} couche : {best}.',
  'After {n} layers the gradient is multiplied by {product}. At their best over {n} layers: {best}.':
    'Après {n} couches, le gradient est multiplié par {product}. Au mieux sur {n} couches : {best}.',
  'The lecture\'s example: the weight in the first layer gets 0.4 × 0.2 × 0.08 × 0.9 + 0.4 × 0.6 × 0.3 × 0.9 = {first}, while one in the last layer gets 0.4 × 0.5 = {last}: the further from the output, the more factors below 1 and the smaller the gradient.':
    'L’exemple du cours : le poids de la première couche reçoit 0,4 × 0,2 × 0,08 × 0,9 + 0,4 × 0,6 × 0,3 × 0,9 = {first}, alors qu’un poids de la dernière couche reçoit 0,4 × 0,5 = {last} : plus on est loin de la sortie, plus il y a de facteurs inférieurs à 1 et plus le gradient est petit.',

  // The lab's tasks
  'Where the sigmoid is steepest': 'Là où la sigmoïde est la plus raide',
  'Move z to where the sigmoid\'s slope f′(z) is largest, and read that slope under its plot. Compare it with tanh\'s largest slope.':
    'Placez z là où la pente f′(z) de la sigmoïde est la plus grande, et lisez cette pente sous son graphique. Comparez-la à la plus grande pente de tanh.',
  'move z to where the sigmoid\'s f′ is largest (now f′({z}) = {df}: it grows where the curve is steeper)':
    'placez z là où la f′ de la sigmoïde est la plus grande (actuellement f′({z}) = {df} : elle croît là où la courbe est plus raide)',
  'How deep before the gradient vanishes?': 'À quelle profondeur le gradient disparaît-il ?',
  'In the chain below, take the sigmoid at its steepest z in every layer, its best case, and find the smallest depth at which the product of the slopes falls below 10⁻³. What do tanh and ReLU give at that depth?':
    'Dans la chaîne ci-dessous, prenez la sigmoïde là où elle est la plus raide dans chaque couche, son meilleur cas, et trouvez la plus petite profondeur à laquelle le produit des pentes passe sous 10⁻³. Que donnent tanh et ReLU à cette profondeur ?',
  'choose the sigmoid for the chain (now {activation})': 'choisissez la sigmoïde pour la chaîne (actuellement {activation})',
  'put every layer at its steepest z, the best case': 'placez chaque couche à son z le plus raide, le meilleur cas',
  'after {n} layer the product is {product}, still above 10⁻³: add layers':
    'après {n} couche, le produit vaut {product}, encore au-dessus de 10⁻³ : ajoutez des couches',
  'after {n} layers the product is {product}, still above 10⁻³: add layers':
    'après {n} couches, le produit vaut {product}, encore au-dessus de 10⁻³ : ajoutez des couches',
  '{n} layers already give {product}: find the smallest depth': '{n} couches donnent déjà {product} : trouvez la plus petite profondeur',
  'Logits for given probabilities': 'Des logits pour des probabilités données',
  'Type three logits whose softmax is within {tolerance} of {target}. Then add the same number to all three: what changes?':
    'Tapez trois logits dont le softmax est à {tolerance} près de {target}. Ajoutez ensuite le même nombre aux trois : qu’est-ce qui change ?',
  'type three logits separated by commas': 'tapez trois logits séparés par des virgules',
  'three logits (now {n})': 'trois logits (actuellement {n})',
  'p{i} = {p} should be {target} ± {tolerance}': 'p{i} = {p} devrait valoir {target} ± {tolerance}',
};
