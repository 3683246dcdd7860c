// French: chapter 'neuron': its text (the fragments between its formulas), its labs and its tasks.
export default {
  // The chapter's text
  'An artificial neuron weighs its inputs, adds a bias and passes the sum through an activation function:':
    'Un neurone artificiel pondère ses entrées, ajoute un biais et fait passer la somme par une fonction d’activation :',
  'The first such model, McCulloch and Pitts\' of 1943, takes inputs of 0 or 1, each excitatory or inhibitory, and fires (outputs 1) when no inhibitory input is active and at least':
    'Le premier modèle de ce genre, celui de McCulloch et Pitts (1943), prend des entrées valant 0 ou 1, chacune excitatrice ou inhibitrice, et s’active (sort 1) quand aucune entrée inhibitrice n’est active et qu’au moins',
  'excitatory inputs are; it has no weights to learn. Its successors weigh the inputs with real numbers and fire through the threshold function,':
    'entrées excitatrices le sont ; il n’a aucun poids à apprendre. Ses successeurs pondèrent les entrées par des nombres réels et s’activent par la fonction seuil,',
  'for': 'pour',
  'and 0 otherwise.': 'et 0 sinon.',
  'The inputs where it fires form a half-plane, bounded by the line':
    'Les entrées pour lesquelles il s’active forment un demi-plan, limité par la droite',
  ', so one unit can compute AND, OR or NAND of two binary inputs, but not XOR. In the threshold unit\'s widget its two weights and its bias are yours; it starts as AND. The core computes z and the output for each input.':
    ', si bien qu’une unité peut calculer AND, OR ou NAND de deux entrées binaires, mais pas XOR. Dans le widget de l’unité à seuil, ses deux poids et son biais sont à vous ; elle commence en AND. Le cœur calcule z et la sortie pour chaque entrée.',

  // McCulloch and Pitts' unit
  'McCulloch and Pitts\' unit (1943)': 'L’unité de McCulloch et Pitts (1943)',
  'Inputs and output are 0 or 1. The unit fires when no inhibitory input is active and at least θ excitatory inputs are. Nothing is learned: the kinds of input and θ are set by hand.':
    'Entrées et sortie valent 0 ou 1. L’unité s’active quand aucune entrée inhibitrice n’est active et qu’au moins θ entrées excitatrices le sont. Rien n’est appris : la nature des entrées et θ se règlent à la main.',
  'excitatory': 'excitatrice',
  'inhibitory': 'inhibitrice',
  'fires': 'active',
  'With θ = 0, x1 does not matter: the unit fires unless x2, inhibitory, is active.':
    'Avec θ = 0, x1 ne compte pas : l’unité s’active sauf si x2, inhibitrice, est active.',
  'Can one unit compute XOR?': 'Une unité peut-elle calculer XOR ?',
  'No: the core tried all {n} settings of one unit (each input either kind, θ = 0, 1 or 2) and none gives 0, 1, 1, 0.':
    'Non : le cœur a essayé les {n} réglages d’une unité (chaque entrée de l’une ou l’autre nature, θ = 0, 1 ou 2) et aucun ne donne 0, 1, 1, 0.',
  'The core tried all {n} settings of one unit (each input either kind, θ = 0, 1 or 2) and {hits} give 0, 1, 1, 0.':
    'Le cœur a essayé les {n} réglages d’une unité (chaque entrée de l’une ou l’autre nature, θ = 0, 1 ou 2) et {hits} donnent 0, 1, 1, 0.',
  'The inputs where a unit fires lie on one side of a line, and no line puts (0, 1) and (1, 0) on one side with (0, 0) and (1, 1) on the other: XOR is not linearly separable (Minsky and Papert, 1969).':
    'Les entrées où une unité s’active sont d’un même côté d’une droite, et aucune droite ne place (0, 1) et (1, 0) d’un côté et (0, 0) et (1, 1) de l’autre : XOR n’est pas linéairement séparable (Minsky et Papert, 1969).',
  'Two layers do it: h1 = x1 AND NOT x2 and h2 = x2 AND NOT x1 (an inhibitory input each, θ = 1), then y = h1 OR h2 (θ = 1).':
    'Deux couches y parviennent : h1 = x1 AND NOT x2 et h2 = x2 AND NOT x1 (une entrée inhibitrice chacune, θ = 1), puis y = h1 OR h2 (θ = 1).',
  'NOR with one unit': 'NOR avec une unité',
  'Make the McCulloch–Pitts unit fire only when neither input is active (NOR): choose each input\'s kind and θ.':
    'Faites que l’unité de McCulloch–Pitts ne s’active que si aucune entrée n’est active (NOR) : choisissez la nature de chaque entrée et θ.',
  'x = ({x}) gives the wrong output': 'x = ({x}) donne la mauvaise sortie',

  // One threshold unit
  'One threshold unit': 'Une unité à seuil',
  'output': 'sortie',
  'Set the weights and the bias so the unit computes NAND: output 0 only when both inputs are 1.':
    'Réglez les poids et le biais pour que l’unité calcule NAND : sortie 0 seulement quand les deux entrées valent 1.',
  'Now make it compute OR: output 1 when at least one input is 1.':
    'Faites-lui maintenant calculer OR : sortie 1 quand au moins une entrée vaut 1.',
  'for x = ({x}) the output is {output}, {gate} needs {target}': 'pour x = ({x}) la sortie vaut {output}, {gate} demande {target}',
  'For x = ({x}), z is {z} rather than 0: the core computes in single precision (float32), in which the weights and the bias typed are not all exact, so a sum that is 0 on paper lands just above or below 0, and rounding decides the output ({output}). Move the bias a little to put the boundary clearly on one side.':
    'Pour x = ({x}), z vaut {z} et non 0 : le cœur calcule en simple précision (float32), où les poids et le biais saisis ne sont pas tous exacts ; une somme nulle sur le papier tombe alors juste au-dessus ou au-dessous de 0, et l’arrondi décide de la sortie ({output}). Déplacez un peu le biais pour placer la frontière nettement d’un côté.',
};
