// French: the playground's composed messages (hover captions, warnings, the layer table, the step
// panel, the comparison, the Share dialog, figure captions) and the English messages
// web/message-templates.js translates where they are shown (the core's errors, the link's, CSV and
// model files'). Link keys, quoted values and names of functions stay as they are.
import { inContext } from '../context.js';

export default {
  // The datasets' names (the picker's buttons), in the context 'dataset'
  [inContext('dataset', 'circles')]: 'cercles',
  [inContext('dataset', 'gaussians')]: 'gaussiennes',
  [inContext('dataset', 'spiral')]: 'spirale',
  [inContext('dataset', 'moons')]: 'lunes',
  [inContext('dataset', 'blobs')]: 'amas',
  [inContext('dataset', 'multi spiral')]: 'spirales multiples',
  [inContext('dataset', 'plane')]: 'plan',
  [inContext('dataset', 'multi gaussian')]: 'gaussiennes multiples',
  [inContext('dataset', 'custom')]: 'vos données',
  [inContext('dataset', 'sine')]: 'sinus',
  [inContext('dataset', 'step')]: 'échelon',
  [inContext('dataset', 'abs')]: 'valeur absolue',
  [inContext('dataset', 'bump')]: 'bosse',
  [inContext('dataset', 'curve')]: 'votre courbe',

  // The network diagram: hover captions and controls
  'output {n}': 'sortie {n}',
  'bias of {unit}': 'biais de {unit}',
  'weight {from} → {to}': 'poids {from} → {to}',
  'maxout piece {piece} of {count}, the largest |{w}| (pieces: {values})':
    'morceau maxout {piece} sur {count}, le plus grand |{w}| (morceaux : {values})',
  'value {v}': 'valeur {v}',
  'gradient dJ/d{w} {v}': 'gradient dJ/d{w} = {v}',
  'click to edit piece {piece}': 'cliquez pour modifier le morceau {piece}',
  'click to edit': 'cliquez pour modifier',
  'bias value': 'valeur du biais',
  'weight value': 'valeur du poids',
  'add a hidden layer': 'ajouter une couche cachée',
  'remove the last hidden layer': 'retirer la dernière couche cachée',
  'add a neuron to hidden layer {l}': 'ajouter un neurone à la couche cachée {l}',
  'remove a neuron from hidden layer {l}': 'retirer un neurone de la couche cachée {l}',
  'input feature {name}': 'entrée {name}',
  'hidden layer {l} neuron {n}': 'couche cachée {l}, neurone {n}',
  'inputs': 'entrées',

  // The output plot: its caption, legend and accessible name
  '{unit} over x (line); the points are the targets.': '{unit} en fonction de x (courbe) ; les points sont les cibles.',
  'Network output over x (line) and the targets (points).': 'Sortie du réseau en fonction de x (courbe) et cibles (points).',
  '{unit}: from {min} to {max} over the input plane.': '{unit} : de {min} à {max} sur le plan des entrées.',
  '{unit}, biases of its {k} pieces {biases}: from {min} to {max} over the input plane.':
    '{unit}, biais de ses {k} morceaux {biases} : de {min} à {max} sur le plan des entrées.',
  '{unit}, bias {bias}: from {min} to {max} over the input plane.': '{unit}, biais {bias} : de {min} à {max} sur le plan des entrées.',
  'No points yet: click the plot to draw some.': 'Pas encore de points : cliquez sur le graphique pour en dessiner.',
  '{n} point, all for training.': '{n} point, tous pour l’entraînement.',
  '{n} points, all for training.': '{n} points, tous pour l’entraînement.',
  '{n} point: {parts}.': '{n} point : {parts}.',
  '{n} points: {parts}.': '{n} points : {parts}.',
  '{n} for training': '{n} pour l’entraînement',
  '{n} validation': '{n} de validation',
  '{n} test': '{n} de test',
  'The network sees {features}: the mean and standard deviation of the {n} training points, applied unchanged to validation, test and the plot.':
    'Le réseau voit {features} : la moyenne et l’écart-type des {n} points d’entraînement, appliqués tels quels à la validation, au test et au graphique.',
  'class {k}': 'classe {k}',
  // The target drawn on 2-D regression data
  '+1 (blue)': '+1 (en bleu)',
  '−1 (orange)': '−1 (en orange)',
  'Drawing… (click to stop)': 'Dessin en cours… (cliquez pour arrêter)',
  'network output': 'sortie du réseau',
  'network output: class 0 below the midpoint, class 1 above': 'sortie du réseau : classe 0 sous le milieu, classe 1 au-dessus',
  'output (colour) and target (points)': 'sortie (couleur) et cible (points)',
  'the network\'s output y over x; points at their targets': 'la sortie y du réseau en fonction de x ; les points à leurs cibles',
  'Output of the network over x': 'Sortie du réseau en fonction de x',
  'Output of the network over the input plane': 'Sortie du réseau sur le plan des entrées',
  'The input plane': 'Le plan des entrées',
  '{what} with {points}': '{what}, avec {points}',
  '{list} and {last}': '{list} et {last}',
  '{n} training point': '{n} point d’entraînement',
  '{n} training points': '{n} points d’entraînement',
  '{n} test point': '{n} point de test',
  '{n} test points': '{n} points de test',
  '{n} validation point': '{n} point de validation',
  '{n} validation points': '{n} points de validation',
  'Drawing mode: click or tap to add a point; shift-click, right-click or touch and hold a point to remove it':
    'Mode dessin : cliquez ou touchez pour ajouter un point ; Maj+clic, clic droit ou doigt maintenu sur un point pour le retirer',

  // The loss chart and the layer table
  'Loss per epoch for the training and test data': 'Perte par époque sur les données d’entraînement et de test',
  'Loss per epoch of run A and run B': 'Perte par époque des entraînements A et B',
  'Gradient size of each layer per epoch, log scale': 'Taille du gradient de chaque couche par époque, échelle logarithmique',
  '{chart}. Latest: {values}': '{chart}. Dernières valeurs : {values}',
  'early stop': 'arrêt précoce',
  'Over the training set, for each weight layer: the size of its gradient (of the data loss alone: without the L1/L2 terms that the hover and step-panel gradients include), the mean slope f′(z) its units pass back, how its activations are spread, and how the gradients backpropagation brings its units, δ = ∂L/∂z of each example\'s loss, are spread (over ±their largest size)':
    'Sur l’ensemble d’entraînement, pour chaque couche de poids : la taille de son gradient (de la seule perte sur les données : sans les termes L1/L2 que comptent les gradients du survol et du panneau du pas), la pente moyenne f′(z) que ses unités transmettent en arrière, la répartition de ses activations, et celle des gradients que la rétropropagation apporte à ses unités, δ = ∂L/∂z de la perte de chaque exemple (sur ± leur plus grande taille)',
  'layer': 'couche',
  '|dJ/dW| (log scale)': '|dJ/dW| (échelle log.)',
  'mean f′': 'f′ moyenne',
  'mean f′(z): each layer multiplies the deltas passing back by this much':
    'f′(z) moyenne : chaque couche multiplie par autant les deltas qui la retraversent',
  'activations': 'activations',
  'gradients δ': 'δ rétropropagés',
  'δ = ∂L/∂z of each unit for each training example\'s own loss, before the mean over a batch':
    'δ = ∂L/∂z de chaque unité pour la perte propre à chaque exemple d’entraînement, avant la moyenne sur un lot',
  'dead': 'morts',
  'activation mean {mean} ± {sd}': 'activation moyenne {mean} ± {sd}',
  '{layer}: activations from {lo} to {hi}, mean {mean}, sd {sd}': '{layer} : activations de {lo} à {hi}, moyenne {mean}, écart-type {sd}',
  '{layer}: gradients δ = ∂L/∂z from {lo} to {hi}, sd {sd}': '{layer} : gradients δ = ∂L/∂z de {lo} à {hi}, écart-type {sd}',
  'δ = ∂L/∂z: mean {mean}, sd {sd}, largest |δ| {largest}': 'δ = ∂L/∂z : moyenne {mean}, écart-type {sd}, plus grand |δ| {largest}',
  'softmax has no slope per unit: each output depends on every z. With cross-entropy the output\'s δ = a − y.':
    'softmax n’a pas de pente par unité : chaque sortie dépend de tous les z. Avec l’entropie croisée, le δ de la sortie vaut a − y.',
  'the sigmoid\'s slope cancels against cross-entropy\'s: the output\'s δ = a − y, not multiplied by f′':
    'la pente de la sigmoïde se simplifie avec celle de l’entropie croisée : le δ de la sortie vaut a − y, sans être multiplié par f′',

  // Messages of training
  'Your data has no points yet: click the output plot to draw some, then train.':
    'Vos données n’ont pas encore de points : cliquez sur le graphique de sortie pour en dessiner, puis entraînez.',
  'Training diverged. Lower the learning rate, then reset.':
    'L’entraînement a divergé. Baissez le taux d’apprentissage, puis réinitialisez.',
  'Early stopping needs validation data: set "Validation data" above 0%.':
    'L’arrêt précoce demande des données de validation : mettez « Données de validation » au-dessus de 0\u00a0%.',
  'Early stopping: the validation loss has not improved for {patience} epochs. The weights from its best epoch ({epoch}, validation loss {loss}) are restored.':
    'Arrêt précoce : la perte de validation ne s’est pas améliorée depuis {patience} époques. Les poids de sa meilleure époque ({epoch}, perte de validation {loss}) sont rétablis.',
  'The network needs at least one input feature.': 'Le réseau a besoin d’au moins une entrée.',
  'The learning rate ({lr}) is probably too large: lower it, then reset.':
    'Le taux d’apprentissage ({lr}) est sans doute trop grand : baissez-le, puis réinitialisez.',
  'The loss is too large to compute (it overflowed), though the weights are still numbers (the largest is {largest}): training is diverging.':
    'La perte est trop grande pour être calculée (elle a débordé), bien que les poids soient encore des nombres (le plus grand vaut {largest}) : l’entraînement diverge.',
  'The weights are exploding: the largest is {largest} (a healthy network here stays well below {max}).':
    'Les poids explosent : le plus grand vaut {largest} (ici, un réseau en bonne santé reste bien en dessous de {max}).',
  'Training is going the wrong way: the training loss is {ratio}× what it was at the start ({start} → {now}).':
    'L’entraînement va dans le mauvais sens : la perte d’entraînement vaut {ratio} fois sa valeur de départ ({start} → {now}).',
  'The output {activation} is saturated: its mean slope f′(z) is {slope} (at most {steepest}), so almost no gradient flows back while {percent} of the training points are misclassified.':
    'La sortie {activation} est saturée : sa pente moyenne f′(z) vaut {slope} (au plus {steepest}), si bien que presque aucun gradient ne repart en arrière alors que {percent} des points d’entraînement sont mal classés.',
  'Changed to fit 1-D data: {change}.': 'Modifié pour des données 1-D : {change}.',
  'The settings in the link do not fit together; showing the default set-up.':
    'Les réglages du lien ne vont pas ensemble ; affichage de la configuration par défaut.',
  'Some settings in the link were not understood and use their defaults: {problems}.':
    'Certains réglages du lien n’ont pas été compris et gardent leur valeur par défaut : {problems}.',
  'Some settings in the link do not fit {problem} data and were changed: {changes}.':
    'Certains réglages du lien ne conviennent pas aux données de ce problème ({problem}) et ont été modifiés : {changes}.',
  'Some of run B\'s settings do not fit {problem} data and were changed: {changes}.':
    'Certains réglages de l’entraînement B ne conviennent pas aux données de ce problème ({problem}) et ont été modifiés : {changes}.',

  // Files
  'Imported {n} point ({problem}).': '{n} point importé ({problem}).',
  'Imported {n} points ({problem}).': '{n} points importés ({problem}).',
  'Could not import {file}: {reason}': 'Impossible d’importer {file} : {reason}',
  'Could not load {file}: {reason}': 'Impossible de charger {file} : {reason}',
  'Changed to fit this page: {notes}.': 'Modifié pour convenir à cette page : {notes}.',
  'Run B has a network of another shape: it starts from its own initial weights.':
    'L’entraînement B a un réseau d’une autre forme : il part de ses propres poids initiaux.',
  'There is no model to save: the weights diverged (they are no longer finite numbers). Lower the learning rate, then reset.':
    'Il n’y a pas de modèle à enregistrer : les poids ont divergé (ce ne sont plus des nombres finis). Baissez le taux d’apprentissage, puis réinitialisez.',
  'Loaded: {file} holds untrained weights.': 'Chargé : {file} contient des poids non entraînés.',
  'Loaded: {file} holds the weights saved after {n} epoch; training on from them counts from epoch 0 again (with a fresh optimiser state and learning-rate schedule).':
    'Chargé : {file} contient les poids enregistrés après {n} époque ; l’entraînement qui en repart compte de nouveau depuis l’époque 0 (avec un optimiseur et un calendrier du taux d’apprentissage remis à neuf).',
  'Loaded: {file} holds the weights saved after {n} epochs; training on from them counts from epoch 0 again (with a fresh optimiser state and learning-rate schedule).':
    'Chargé : {file} contient les poids enregistrés après {n} époques ; l’entraînement qui en repart compte de nouveau depuis l’époque 0 (avec un optimiseur et un calendrier du taux d’apprentissage remis à neuf).',

  // Figures
  'Save figure ▾': 'Enregistrer la figure ▾',
  'Save figure: {figure}': 'Enregistrer la figure : {figure}',
  'Save the {figure} as': 'Enregistrer la figure « {figure} » en',
  'A picture at twice the screen size, with the settings under it': 'Une image au double de la taille à l’écran, avec les réglages dessous',
  'A vector file (shapes and text), with the settings under it': 'Un fichier vectoriel (formes et texte), avec les réglages dessous',
  'Backprop Playground: {figure}, epoch {epoch}': 'Backprop Playground : {figure}, époque {epoch}',
  'output plot (decision boundary)': 'graphique de sortie (frontière de décision)',
  'network diagram': 'schéma du réseau',
  'loss chart': 'courbe de perte',
  'layer view': 'vue par couche',
  'step diagram': 'schéma du pas',
  'epoch {n}': 'époque {n}',
  'test loss {value}': 'perte de test {value}',
  'none': 'aucun',

  // The settings' names (state.js), in the comparison, the Share dialog and figure captions
  'dataset': 'jeu de données',
  'noise': 'bruit',
  'data seed': 'graine des données',
  'training ratio': 'part d’entraînement',
  'validation ratio': 'part de validation',
  'features': 'entrées',
  'input scaling': 'mise à l’échelle des entrées',
  'hidden layers': 'couches cachées',
  'output activation': 'activation de sortie',
  'leaky ReLU slope': 'pente de leaky ReLU',
  'maxout pieces': 'morceaux maxout',
  'weight init': 'initialisation des poids',
  'initial weight scale': 'échelle initiale des poids',
  'bias init': 'biais initial',
  'seed': 'graine',
  'learning rate': 'taux d’apprentissage',
  // Also the controls' labels, capitalised there ('Taux L1'): lower-case in a list of settings.
  [inContext('setting', 'L1 rate')]: 'taux L1',
  [inContext('setting', 'L2 rate')]: 'taux L2',
  'batch size': 'taille de lot',
  'learning-rate decay': 'décroissance du taux d’apprentissage',
  'decay rate': 'taux de décroissance',
  'decay steps': 'pas de décroissance',
  'optimizer': 'optimiseur',
  'momentum': 'moment',
  'Adam beta1': 'beta1 d’Adam',
  'Adam beta2': 'beta2 d’Adam',
  'Adam epsilon': 'epsilon d’Adam',
  'dropout': 'dropout (abandon)',
  'step mode': 'mode de pas',
  'epochs per frame': 'époques par image',
  'show test data': 'montrer les données de test',
  'discretize output': 'discrétiser la sortie',
  'log-scale loss chart': 'courbe de perte en échelle log.',
  'early stopping': 'arrêt précoce',
  'patience': 'patience de l’arrêt précoce',
  'compare two runs': 'comparer deux entraînements',
  'language': 'langue',
  'hidden controls': 'commandes masquées',
  'embedded parts': 'parties intégrées',
  'run B\'s settings': 'réglages de l’entraînement B',
  'custom points': 'points personnalisés',

  // The comparison of two runs
  'Run A': 'Entraînement A',
  'Import CSV, Export CSV': 'Importer un CSV, exporter un CSV',
  'Run B': 'Entraînement B',
  'Training accuracy': 'Exactitude d’entraînement',
  'Other settings for run B': 'Autres réglages de l’entraînement B',
  'A test': 'A, test',
  'A training': 'A, entraînement',
  'B test': 'B, test',
  'B training': 'B, entraînement',
  'solid blue': 'bleu, trait plein',
  'dashed vermillion': 'vermillon, tirets',
  '{setting} separated by commas, as in the link: {example}': '{setting}, séparés par des virgules comme dans le lien : {example}',
  'Run B: {error}. Run B keeps {value}.': 'Entraînement B : {error}. L’entraînement B garde {value}.',
  'Run B: {error}': 'Entraînement B : {error}',
  'Run A ({style} test line, dotted training line): the playground\'s set-up.':
    'Entraînement A (test en {style}, entraînement en pointillés) : la configuration du bac à sable.',
  'Run B ({style}): the same settings so far; change one below.':
    'Entraînement B ({style}) : les mêmes réglages pour l’instant ; changez-en un ci-dessous.',
  'Run B ({style} test line, dotted training line): {differences}.':
    'Entraînement B (test en {style}, entraînement en pointillés) : {differences}.',
  '{setting} {b} instead of {a}': '{setting} {b} au lieu de {a}',
  'The playground above.': 'Le bac à sable ci-dessus.',
  'Differs in {differences}.': 'Diffère par : {differences}.',
  'The same settings as run A so far.': 'Les mêmes réglages que l’entraînement A pour l’instant.',

  // The Share / embed dialog
  'Everything': 'Tout',
  'Hide advanced': 'Masquer l’avancé',
  'Output only': 'Sortie seule',
  'Student exercise': 'Exercice d’étudiant',
  'Run': 'Lancer',
  'Network': 'Réseau',
  'Training': 'Entraînement',
  'Regularisation': 'Régularisation',
  'Diagnostics and chapters': 'Diagnostics et chapitres',
  'Data panel': 'Panneau Données',
  'Features and network panel': 'Panneau Entrées et réseau',
  'Output panel': 'Panneau Sortie',
  'Watch one training step panel': 'Panneau Un pas d’entraînement au ralenti',
  'graph lesson': 'leçon de graphe',
  'one step and step mode': 'un pas et mode de pas',
  'chapter lessons': 'leçons du chapitre',
  'data': 'données',
  'network': 'réseau',
  'run buttons': 'boutons de lancement',
  'one step, animated': 'un pas, animé',
  'the comparison of two runs': 'la comparaison de deux essais',
  'the chapter (text, widgets, tasks)': 'le chapitre (texte, labos, exercices)',
  'the chapter\'s labs alone (widget= picks one)': 'les labos du chapitre seuls (widget= en choisit un)',
  'Preview of the embed': 'Aperçu de l’intégration',
  'Served from a web server, this dialog measures the size the embed needs and previews it; opened as a file it cannot.':
    'Servie par un serveur web, cette fenêtre mesure la taille dont l’intégration a besoin et la prévisualise ; ouverte comme fichier, elle ne le peut pas.',
  'Measured: these parts need {width} × {height} px without scrolling.': 'Mesuré : ces parties demandent {width} × {height} px sans défilement.',
  'The size could not be measured: {reason}.': 'La taille n’a pas pu être mesurée : {reason}.',
  'the preview did not start': 'l’aperçu n’a pas démarré',
  'the output plot is cut off or out of view': 'le graphique de sortie est coupé ou hors de vue',
  'the frame scrolls (its content needs {width} × {height} px)': 'le cadre défile (son contenu demande {width} × {height} px)',
  'At {width} × {height}: {problems}.': 'En {width} × {height} : {problems}.',
  '{width} × {height} fits.': '{width} × {height} convient.',
  'Copied the link.': 'Lien copié.',
  'Copied the HTML.': 'HTML copié.',
  'Copying was refused: the link is selected, press Ctrl+C (⌘C on a Mac).': 'La copie a été refusée : le lien est sélectionné, appuyez sur Ctrl+C (⌘C sur Mac).',
  'Copying was refused: the HTML is selected, press Ctrl+C (⌘C on a Mac).': 'La copie a été refusée : le HTML est sélectionné, appuyez sur Ctrl+C (⌘C sur Mac).',
  'Your data has no points yet, so a link would carry none: draw some first.':
    'Vos données n’ont pas encore de points : un lien n’en porterait aucun. Dessinez-en d’abord.',
  'Your data has more than {max} points, too many for a link: export it as CSV to share it.':
    'Vos données ont plus de {max} points, trop pour un lien : exportez-les en CSV pour les partager.',
  'This link starts from the seed\'s initial weights, not the weights edited in the diagram or loaded from a model file: save the model to share those.':
    'Ce lien part des poids initiaux de la graine, pas des poids modifiés dans le schéma ou chargés d’un fichier de modèle : enregistrez le modèle pour partager ceux-ci.',
  'Until epoch {epoch} this run trained under other settings ({settings}): the link starts a fresh run under the settings of now from epoch 0, so it will not retrace the run shown.':
    'Jusqu’à l’époque {epoch}, cet entraînement a suivi d’autres réglages ({settings}) : le lien lance un nouvel entraînement avec les réglages actuels depuis l’époque 0 ; il ne refera donc pas celui affiché.',

  // The step panel
  'Click on a training point to trace a step on it.': 'Cliquez sur un point d’entraînement pour y suivre un pas.',
  'The network during one training step': 'Le réseau pendant un pas d’entraînement',
  'example {n} (point {point})': 'exemple {n} (point {point})',
  'out': 'sort.',
  'example': 'exemple',
  'average': 'moyenne',
  'update': 'mise à jour',
  'The mini-batch: {n} examples': 'Le mini-lot : {n} exemples',
  'The example': 'L’exemple',
  'Forward: {from} → {to}': 'Avant : {from} → {to}',
  'Backward: {from} → {to}': 'Arrière : {from} → {to}',
  'Average over the {n} examples': 'Moyenne sur les {n} exemples',
  'Update': 'Mise à jour',
  'Forward': 'Propagation avant',
  'Maxout: its pieces': 'Maxout : ses morceaux',
  'Backward: its δ': 'Arrière : son δ',
  'Backward: its slope': 'Arrière : sa pente',
  'Update: its slope': 'Mise à jour : sa pente',
  'Backward: its gradient': 'Arrière : son gradient',
  'Batch average': 'Moyenne sur le lot',
  'Click a unit, a link or a bias square to see its equation with these numbers.':
    'Cliquez sur une unité, un lien ou un carré de biais pour voir son équation avec ces nombres.',
  'Not reached yet at this phase: press Next.': 'Pas encore atteint à cette phase : appuyez sur Suivant.',
  '{name}: the gradient of each of the {n} examples, and their mean {mean}':
    '{name} : le gradient de chacun des {n} exemples, et leur moyenne {mean}',
  'example {n} (point {point}): {value}': 'exemple {n} (point {point}) : {value}',
  'example {n} (point {point}): {value}: follow it': 'exemple {n} (point {point}) : {value} ; le suivre',
  'mean {value}': 'moyenne {value}',
  'Each example\'s gradient, and their mean; click a bar to follow that example.':
    'Le gradient de chaque exemple, et leur moyenne ; cliquez sur une barre pour suivre cet exemple.',
  'This example\'s ∂L/∂slope; the update uses the mean over the batch.':
    'Le ∂L/∂pente de cet exemple ; la mise à jour utilise la moyenne sur le lot.',
  'The batch\'s mean ∂J/∂slope = {value}; slopes are never penalised.': 'La moyenne sur le lot ∂J/∂pente = {value} ; les pentes ne sont jamais pénalisées.',
  'Piece {n} wins. The forward equation above is its sum; the others\' are computed the same way with their own weights.':
    'Le morceau {n} l’emporte. L’équation avant ci-dessus est sa somme ; celles des autres se calculent de même avec leurs propres poids.',
  '(maxout piece {n}, the winner for this example)': '(morceau maxout {n}, le gagnant pour cet exemple)',
  '{name}: show its equation': '{name} : voir son équation',
  'link {from} → {to}': 'lien {from} → {to}',
  'bias of {unit}: show its equation': 'biais de {unit} : voir son équation',
  'loss {value} (all outputs)': 'perte {value} (toutes les sorties)',
  'loss {value}': 'perte {value}',
  '{unit}. Show its equation': '{unit}. Voir son équation',
  'target {value}': 'cible {value}',
  'weight': 'poids',
  'mean ∂L/∂w': '∂L/∂w moyen',
  '{link}. Show its equation': '{link}. Voir son équation',
  'the shape of {w}.': 'la forme de {w}.',
  'In matrix form: {formula}': 'Sous forme matricielle : {formula}',
  'In matrix form: {delta}, that is {shapes}; {gradient} A mini-batch of n makes every 1 an n: one column per example.':
    'Sous forme matricielle : {delta}, soit {shapes} ; {gradient} Un mini-lot de n change chaque 1 en n : une colonne par exemple.',
  'One update from {n} examples (points {points}): each goes forward and backward, then their gradients are averaged. The diagram follows example {k}: {x}, target {target}.':
    'Une mise à jour à partir de {n} exemples (points {points}) : chacun fait l’aller et le retour, puis on fait la moyenne de leurs gradients. Le schéma suit l’exemple {k} : {x}, cible {target}.',
  'Training point {i}: {x}, target {target}. It goes forward through the network, its loss is measured, the error goes back, and every weight moves once.':
    'Point d’entraînement {i} : {x}, cible {target}. Il traverse le réseau vers l’avant, sa perte est mesurée, l’erreur revient en arrière, et chaque poids bouge une fois.',
  '{point}, which the network sees standardised as {inputs}': '{point}, que le réseau voit standardisé en {inputs}',
  'standardised': 'standardisées',
  'the output': 'la sortie',
  'layer {name}': 'la couche {name}',
  'Dropout: this step dropped {n} of its {m} units for this example (a = 0, drawn faded) and scaled the others by 1/(1 − p).':
    'Dropout : ce pas a abandonné {n} de ses {m} unités pour cet exemple (a = 0, dessinées pâles) et multiplié les autres par 1/(1 − p).',
  'Each maxout unit of {layer} computes {k} pieces, each its own sum of inputs times weights plus bias, z_p = Σ w_p·a + b_p, and keeps the largest: a = max_p z_p (the lowest piece wins a tie). The winning pieces here: {won}. Each link shows the winner\'s w·a.':
    'Chaque unité maxout de {layer} calcule {k} morceaux, chacun sa propre somme des entrées fois les poids plus un biais, z_p = Σ w_p·a + b_p, et garde le plus grand : a = max_p z_p (en cas d’égalité, le morceau le plus bas gagne). Les morceaux gagnants ici : {won}. Chaque lien montre le w·a du gagnant.',
  'Each unit of {layer} adds up its inputs times their weights (each link shows its w·a) plus its bias: z = Σ w·a + b. Then it applies {activation}: a = f(z).':
    'Chaque unité de {layer} additionne ses entrées fois leurs poids (chaque lien montre son w·a) plus son biais : z = Σ w·a + b. Puis elle applique {activation} : a = f(z).',
  'The prediction {prediction} against the target {target}: {loss} gives L = {value}. Its slope ∂L/∂a = {slope} starts the backward pass.':
    'La prédiction {prediction} face à la cible {target} : {loss} donne L = {value}. Sa pente ∂L/∂a = {slope} lance la passe arrière.',
  'Each output\'s δ = ∂L/∂z = a − y: the loss\'s slope and the activation\'s cancel.':
    'Le δ de chaque sortie vaut ∂L/∂z = a − y : la pente de la perte et celle de l’activation se compensent.',
  'Each output\'s δ = ∂L/∂z = ∂L/∂a × f′(z).': 'Le δ de chaque sortie vaut ∂L/∂z = ∂L/∂a × f′(z).',
  'Each link into it gets ∂L/∂w = δ × the activation at its left end.': 'Chaque lien qui y entre reçoit ∂L/∂w = δ × l’activation à son extrémité gauche.',
  'A maxout unit\'s slope is 1 through the piece that won; the other pieces get ∂L/∂w = 0 from this example.':
    'La pente d’une unité maxout vaut 1 à travers le morceau gagnant ; les autres morceaux reçoivent ∂L/∂w = 0 de cet exemple.',
  'Each PReLU unit\'s own slope learns too: ∂L/∂slope = ∂L/∂a × min(z, 0) = {slope}.':
    'La pente propre de chaque unité PReLU apprend aussi : ∂L/∂pente = ∂L/∂a × min(z, 0) = {slope}.',
  'Each unit of {layer} collects the δ of every unit it feeds, weighted by the link between them, and multiplies by its own slope: δ = (Σ w·δ) × f′(z). Each link into it gets ∂L/∂w = δ × a at its left end.':
    'Chaque unité de {layer} recueille le δ de chaque unité qu’elle alimente, pondéré par le lien qui les joint, et le multiplie par sa propre pente : δ = (Σ w·δ) × f′(z). Chaque lien qui y entre reçoit ∂L/∂w = δ × a à son extrémité gauche.',
  'The update uses the mean of the {n} examples\' gradients: the links now show ∂J/∂w = (1/n) Σ ∂Lᵢ/∂w.':
    'La mise à jour utilise la moyenne des gradients des {n} exemples : les liens montrent maintenant ∂J/∂w = (1/n) Σ ∂Lᵢ/∂w.',
  'with momentum, v ← μv − ηg and w ← w + v': 'avec moment, v ← μv − ηg et w ← w + v',
  'Adam scales each step by its running gradient averages, w ← w − η m̂/(√v̂ + ε)':
    'Adam dimensionne chaque pas par ses moyennes glissantes du gradient, w ← w − η m̂/(√v̂ + ε)',
  'The gradient includes the L1/L2 penalty.': 'Le gradient inclut la pénalité L1/L2.',
  'PReLU\'s slopes move the same way (never penalised): the first, of {unit}, {before} → {after}.':
    'Les pentes de PReLU bougent de même (sans jamais être pénalisées) : la première, celle de {unit}, {before} → {after}.',
  'Every weight and bias moves against its gradient: {rule}, η = {rate}. The links move from w to w′ = w + Δw, drawn as in the network above; their labels give Δw.':
    'Chaque poids et chaque biais bouge à l’opposé de son gradient : {rule}, η = {rate}. Les liens passent de w à w′ = w + Δw, dessinés comme dans le réseau ci-dessus ; leurs étiquettes donnent Δw.',
  'Loss on these examples: {before} → {after}.': 'Perte sur ces exemples : {before} → {after}.',
  'Loss on this example: {before} → {after}.': 'Perte sur cet exemple : {before} → {after}.',
  // …its activations and losses in a sentence (views/names.js), and its equations' notes
  'the identity': 'l’identité',
  'a step': 'un échelon',
  'sigmoid': 'la sigmoïde',
  'the absolute value': 'la valeur absolue',
  'PReLU (a learned slope per unit)': 'PReLU (une pente apprise par unité)',
  'maxout (the largest of k linear pieces)': 'maxout (le plus grand de k morceaux linéaires)',
  'squared error ½(a − y)²': 'l’erreur quadratique ½(a − y)²',
  'binary cross-entropy': 'l’entropie croisée binaire',
  'softmax cross-entropy': 'l’entropie croisée softmax',
  'squared-error': 'erreur quadratique',
  'dropout: this unit is dropped for this example in this step': 'dropout : cette unité est abandonnée pour cet exemple à ce pas',
  'dropout: kept this time; m scales it up so that the layer\'s expected output stays the same':
    'dropout : gardée cette fois ; m l’agrandit pour que la sortie attendue de la couche reste la même',
  'the {activation} derivative cancels against the {loss} loss\'s ∂L/∂a, leaving a − y':
    'la dérivée de {activation} se compense avec le ∂L/∂a de la perte ({loss}), et il reste a − y',
  'piece {n} of {k} wins (a tie: the lowest piece wins): a = z with slope 1, and δ goes back through piece {n} alone (the other pieces\' ∂L/∂w and ∂L/∂b are 0 for this example)':
    'le morceau {n} sur {k} l’emporte (égalité : le morceau le plus bas gagne) : a = z avec une pente de 1, et δ ne repart que par le morceau {n} (les ∂L/∂w et ∂L/∂b des autres morceaux sont nuls pour cet exemple)',
  'piece {n} of {k} wins: a = z with slope 1, and δ goes back through piece {n} alone (the other pieces\' ∂L/∂w and ∂L/∂b are 0 for this example)':
    'le morceau {n} sur {k} l’emporte : a = z avec une pente de 1, et δ ne repart que par le morceau {n} (les ∂L/∂w et ∂L/∂b des autres morceaux sont nuls pour cet exemple)',
  'a = z for z > 0 and slope·z below: only a negative z teaches the slope': 'a = z pour z > 0 et pente·z en dessous : seul un z négatif fait apprendre la pente',
  'η is inside v here; PyTorch keeps v ← μv + g, w ← w − η·v: the same steps while η is constant, not once it decays':
    'η est ici dans v ; PyTorch garde v ← μv + g, w ← w − η·v : les mêmes pas tant que η est constant, plus dès qu’il décroît',
  'w′ is stored as a single-precision float, so the weight moved by Δw = w′ − w rather than by the step above':
    'w′ est stocké en flottant simple précision : le poids a donc bougé de Δw = w′ − w plutôt que du pas ci-dessus',

  // The core's errors (web/message-templates.js)
  'training diverged at epoch {epoch}: the weights became NaN or infinite. Lower the learning rate, then reset.':
    'l’entraînement a divergé à l’époque {epoch} : les poids sont devenus NaN ou infinis. Baissez le taux d’apprentissage, puis réinitialisez.',
  // the landscape lab's slice (core/landscape.cpp)
  'the weights are not finite numbers (training diverged): reset first': 'les poids ne sont pas des nombres finis (l’entraînement a divergé) : réinitialisez d’abord',
  'every weight is 0, so filter-normalised random directions are 0 too: train (or initialise differently) first':
    'tous les poids valent 0, donc les directions aléatoires normalisées par filtre valent 0 aussi : entraînez (ou initialisez autrement) d’abord',
  'only one weight is not 0, so the two random directions are parallel and span no plane':
    'un seul poids est non nul : les deux directions aléatoires sont parallèles et n’engendrent aucun plan',
  'principal directions need at least 3 recorded snapshots of the weights (there is {n} snapshot): train a few epochs, recording the weights as you go, first':
    'les directions principales demandent au moins 3 instantanés enregistrés des poids (il y en a {n}) : entraînez d’abord quelques époques en enregistrant les poids',
  'principal directions need at least 3 recorded snapshots of the weights (there are {n} snapshots): train a few epochs, recording the weights as you go, first':
    'les directions principales demandent au moins 3 instantanés enregistrés des poids (il y en a {n}) : entraînez d’abord quelques époques en enregistrant les poids',
  'the recorded trajectory has {p} parameters, the network {n}: clear it and record again':
    'la trajectoire enregistrée a {p} paramètres, le réseau {n} : effacez-la et enregistrez à nouveau',
  'the recorded weights barely differ (no spread to find directions in): train a few epochs between records first':
    'les poids enregistrés diffèrent à peine (aucune dispersion où chercher des directions) : entraînez d’abord quelques époques entre les enregistrements',
  'the recorded weights lie on a line, so they span no plane: train on and record more, or use random directions':
    'les poids enregistrés sont alignés et n’engendrent aucun plan : continuez d’entraîner et d’enregistrer, ou prenez des directions aléatoires',
  'there are no training examples to measure the loss on': 'il n’y a aucun exemple d’entraînement sur lequel mesurer la perte',
  'training has diverged (NaN or infinite weights); reset first': 'l’entraînement a divergé (poids NaN ou infinis) ; réinitialisez d’abord',
  'dataset \'custom\' needs points: draw or import them first': 'le jeu de données « custom » demande des points : dessinez-les ou importez-les d’abord',
  'dataset \'curve\' needs points: draw them first': 'le jeu de données « curve » demande des points : dessinez-les d’abord',
  'trainRatio + validationRatio must be at most 1 (got {x})': 'trainRatio + validationRatio doit valoir au plus 1 (reçu {x})',
  'features: \'{name}\' needs x2, which 1-D data (x -> y) does not have; use x1':
    'features : « {name} » demande x2, que des données 1-D (x -> y) n’ont pas ; utilisez x1',
  'inputs must be between 1 and {max} (got {n})': 'le nombre d’entrées doit être entre 1 et {max} (reçu {n})',
  'outputs must be between 1 and {max} (got {n})': 'le nombre de sorties doit être entre 1 et {max} (reçu {n})',
  'hidden layers must be at most {max} (got {n})': 'il faut au plus {max} couches cachées (reçu {n})',
  'hidden layer {l} must have between 1 and {max} neurons (got {n})': 'la couche cachée {l} doit avoir entre 1 et {max} neurones (reçu {n})',
  'softmax is only available as the output activation': 'softmax n’existe que comme activation de sortie',
  '\'{name}\' is only available for hidden layers': '« {name} » n’existe que pour les couches cachées',
  'a softmax output needs at least 2 outputs (got {n})': 'une sortie softmax demande au moins 2 sorties (reçu {n})',
  'a softmax output needs at least 2 classes': 'une sortie softmax demande au moins 2 classes',
  'loss \'mse\' cannot follow a softmax output; use loss \'softmax_ce\'': 'la perte « mse » ne peut pas suivre une sortie softmax ; utilisez la perte « softmax_ce »',
  'loss \'bce\' needs a sigmoid output activation, not \'{name}\'': 'la perte « bce » demande une activation de sortie sigmoid, pas « {name} »',
  'loss \'softmax_ce\' needs a softmax output activation, not \'{name}\'': 'la perte « softmax_ce » demande une activation de sortie softmax, pas « {name} »',
  'points must be between 1 and {max} (got {n})': 'le nombre de points doit être entre 1 et {max} (reçu {n})',
  'noise must be between 0 and 1 (got {x})': 'le bruit doit être entre 0 et 1 (reçu {x})',
  'batch size must be between 1 and 100000 (got {n})': 'la taille de lot doit être entre 1 et 100000 (reçu {n})',
  'split needs at least 1 point (got {n})': 'la répartition demande au moins 1 point (reçu {n})',
  'classes must be between 2 and {max} for a multi-class problem (got {n})': 'un problème multiclasse doit avoir entre 2 et {max} classes (reçu {n})',
  'point {i}: {axis} {x} is outside [-{lo}, {hi}]': 'point {i} : {axis} {x} est hors de [-{lo}, {hi}]',
  'point {i}: label {y} is not a class between 0 and {max}': 'point {i} : l’étiquette {y} n’est pas une classe entre 0 et {max}',
  'example {n} is not in the training data (it is {split} data)': 'l’exemple {n} n’est pas dans les données d’entraînement (il est dans les données de {split})',
  'no update was made on these examples': 'aucune mise à jour n’a été faite sur ces exemples',
  'weight must be a finite number': 'le poids doit être un nombre fini',
  'bias must be a finite number': 'le biais doit être un nombre fini',
  '{name} {x} is out of range ({lo}..{hi})': '{name} {x} est hors de l’intervalle ({lo}..{hi})',
  '{name} must be a whole number (got {x})': '{name} doit être un nombre entier (reçu {x})',
  '{name} must be a finite number (got {x})': '{name} doit être un nombre fini (reçu {x})',

  // The link's messages (state.js, link-load.js, rules.js, course/lab-state.js)
  '\'{value}\' is not valid %-encoding; ignored': '« {value} » n’est pas un encodage % valide ; ignoré',
  'unknown settings {names} and {n} more ignored': 'réglages inconnus {names} et {n} autres ignorés',
  'unknown setting \'{key}\' ignored': 'réglage inconnu « {key} » ignoré',
  '{key}: \'{value}\' names no control a link can hide (the Share / embed dialog lists them); ignored':
    '{key} : « {value} » ne nomme aucune commande qu’un lien peut cacher (la fenêtre Partager / intégrer les liste) ; ignoré',
  'unknown setting \'{key}\'': 'réglage inconnu « {key} »',
  '{key}: \'{value}\' {problem}; using {default}': '{key} : « {value} » {problem} ; on garde {default}',
  '{key}: the value is {n} characters long (at most {max}); using {default}': '{key} : la valeur fait {n} caractères (au plus {max}) ; on garde {default}',
  '{key}: run B\'s settings need compare=1; ignored': '{key} : les réglages de l’entraînement B demandent compare=1 ; ignoré',
  '{key}: unknown setting; ignored': '{key} : réglage inconnu ; ignoré',
  '{key}: run B shares the {label} with run A; ignored': '{key} : l’entraînement B partage ce réglage ({label}) avec l’entraînement A ; ignoré',
  '{key}: \'{value}\' {problem}; run B uses run A\'s {default}': '{key} : « {value} » {problem} ; l’entraînement B prend la valeur de A, {default}',
  '{key}: the value is {n} characters long (at most {max}); run B uses run A\'s {default}':
    '{key} : la valeur fait {n} caractères (au plus {max}) ; l’entraînement B prend la valeur de A, {default}',
  '{label} \'{value}\' {problem}': '{label} : « {value} » {problem}',
  'is not a number': 'n’est pas un nombre',
  'is not a whole number': 'n’est pas un nombre entier',
  'is out of range {range}': 'est hors de l’intervalle {range}',
  'is {x} as a 32-bit float, out of range {range}': 'vaut {x} en flottant 32 bits, hors de l’intervalle {range}',
  'is not one of {values}': 'n’est pas l’une des valeurs {values}',
  '{problem} (or \'{word}\')': '{problem} (ni « {word} »)',
  'is not true or false': 'n’est ni vrai ni faux',
  'is not 1 or 0': 'n’est ni 1 ni 0',
  'is not a string': 'n’est pas un texte',
  'is too long (at most {n} characters)': 'est trop long (au plus {n} caractères)',
  'is not a list': 'n’est pas une liste',
  'is empty (choose at least {n})': 'est vide (choisissez-en au moins {n})',
  'has {n} items (at most {max})': 'a {n} éléments (au plus {max})',
  'has {item}, which {problem}': 'contient {item}, qui {problem}',
  'has \'{item}\' twice': 'contient « {item} » deux fois',
  'is not an object': 'n’est pas un objet',
  'has unknown setting \'{key}\'': 'contient le réglage inconnu « {key} »',
  'has {label}, which run B shares with run A': 'contient {label}, que l’entraînement B partage avec A',
  'has {label} {value}, which {problem}': 'contient {label} {value}, qui {problem}',
  'is not valid ({reason})': 'n’est pas valide ({reason})',
  'plus training ratio {x} is more than 1': 'plus la part d’entraînement {x} dépasse 1',
  'points link: not a string': 'points du lien : pas un texte',
  'points link: version \'{value}\' is not supported (expected \'{expected}\')': 'points du lien : la version « {value} » n’est pas prise en charge (attendu « {expected} »)',
  'points link: unknown problem \'{value}\' (expected b, r or 2..8)': 'points du lien : problème inconnu « {value} » (attendu b, r ou 2..8)',
  'points link: no points': 'points du lien : aucun point',
  'points link: length {n} is not a whole number of points (8 characters each)': 'points du lien : la longueur {n} n’est pas un nombre entier de points (8 caractères chacun)',
  'points link: too many points ({n}; max {max})': 'points du lien : trop de points ({n} ; au plus {max})',
  'points link: not base64url (A-Z a-z 0-9 - _)': 'points du lien : pas en base64url (A-Z a-z 0-9 - _)',
  'points link: point {i} x{d} {x} is outside [-6, 6]': 'points du lien : le point {i} a x{d} = {x} hors de [-6, 6]',
  'points link: point {i} target {x} is outside [-1, 1]': 'points du lien : le point {i} a une cible {x} hors de [-1, 1]',
  'points link: point {i} label {n} is not a class 0..{max}': 'points du lien : l’étiquette {n} du point {i} n’est pas une classe 0..{max}',
  '{reason}; using the default dataset': '{reason} ; on garde le jeu de données par défaut',
  'the link names {name} data but carries no points; using the default dataset': 'le lien nomme les données {name} mais ne porte aucun point ; on garde le jeu de données par défaut',
  'the link\'s points are not a curve (x -> y); using the default dataset': 'les points du lien ne sont pas une courbe (x -> y) ; on garde le jeu de données par défaut',
  'is not a list of numbers separated by _': 'n’est pas une liste de nombres séparés par _',
  'is not 0 or 1': 'n’est ni 0 ni 1',
  'is outside {lo}…{hi}': 'est hors de {lo}…{hi}',
  'is not one of the slider\'s steps of {x}': 'ne tombe pas sur un cran du curseur (pas de {x})',
  'is not a setting of this lab': 'n’est pas un réglage de ce labo',
  'is beyond the core\'s float range (±3.4×10³⁸)': 'dépasse la plage des flottants du cœur (±3,4×10³⁸)',
  'has a number beyond the core\'s float range (±3.4×10³⁸)': 'contient un nombre hors de la plage des flottants du cœur (±3,4×10³⁸)',
  'features {from} → {to} (1-D data has only x1)': 'entrées {from} → {to} (des données 1-D n’ont que x1)',
  '{key} {from} → {to} ({why})': '{key} : {from} → {to} ({why})',
  'softmax needs multi-class data': 'softmax demande des données multiclasses',
  'not an output activation for {problem} data': 'pas une activation de sortie pour ce problème ({problem})',
  'regression needs mse': 'la régression demande mse',
  'bce needs a sigmoid output': 'bce demande une sortie sigmoid',
  'softmax_ce needs a softmax output': 'softmax_ce demande une sortie softmax',
  'it does not fit a {name} output': 'elle ne convient pas à une sortie {name}',

  // CSV files (csv.js)
  'CSV must be text': 'le CSV doit être du texte',
  'the file is too large ({x} MB; a data file may have at most {max} MB)': 'le fichier est trop gros ({x} Mo ; un fichier de données fait au plus {max} Mo)',
  'line {line}: a quoted field is not closed': 'ligne {line} : un champ entre guillemets n’est pas fermé',
  'line {line}: unexpected text after a closing quote': 'ligne {line} : texte inattendu après un guillemet fermant',
  'line {line}: a quote inside an unquoted field (quote the whole field)': 'ligne {line} : un guillemet dans un champ sans guillemets (mettez tout le champ entre guillemets)',
  'line {line}: \'{value}\' is not a header (x1,x2,label or x,y,label) nor a row of numbers':
    'ligne {line} : « {value} » n’est ni un en-tête (x1,x2,label ou x,y,label) ni une ligne de nombres',
  'line {line}: expected 3 columns (x1,x2,label), got {n}': 'ligne {line} : 3 colonnes attendues (x1,x2,label), {n} reçues',
  'line {line}: expected 2 columns (x,y), got {n}': 'ligne {line} : 2 colonnes attendues (x,y), {n} reçues',
  'a file of x,y columns holds regression targets, not {problem} labels':
    'un fichier de colonnes x,y contient des cibles de régression, pas les étiquettes d’un problème {problem}',
  'line {line}: \'{value}\' is not a number': 'ligne {line} : « {value} » n’est pas un nombre',
  'line {line}: x{d} {x} is outside [-{lo}, {hi}]': 'ligne {line} : x{d} = {x} est hors de [-{lo}, {hi}]',
  'too many points (max {max})': 'trop de points (au plus {max})',
  'no data rows': 'aucune ligne de données',
  'line {line}: label {y} is not a binary class ({classes})': 'ligne {line} : l’étiquette {y} n’est pas une classe binaire ({classes})',
  '-1 or +1, like the other rows': '-1 ou +1, comme les autres lignes',
  '0 or 1': '0 ou 1',
  'line {line}: label {y} is not a class (whole number 0..{max})': 'ligne {line} : l’étiquette {y} n’est pas une classe (nombre entier 0..{max})',
  'line {line}: regression target {y} is outside [-1, 1]': 'ligne {line} : la cible de régression {y} est hors de [-1, 1]',
  'line {line}: label {y} is not a class (whole number 0..{max}) nor a regression target in [-1, 1]':
    'ligne {line} : l’étiquette {y} n’est ni une classe (nombre entier 0..{max}) ni une cible de régression dans [-1, 1]',
  'line {line}: label {y} is outside [-1, 1] (labels were read as regression targets because line {other} has {z}, which is not a class 0..{max})':
    'ligne {line} : l’étiquette {y} est hors de [-1, 1] (les étiquettes ont été lues comme cibles de régression car la ligne {other} contient {z}, qui n’est pas une classe 0..{max})',

  // Model files (model-file.js)
  'model file must be text': 'le fichier de modèle doit être du texte',
  'not a model file: not valid JSON ({reason})': 'pas un fichier de modèle : JSON non valide ({reason})',
  'not a model file: expected a JSON object': 'pas un fichier de modèle : un objet JSON était attendu',
  'not a Backprop Playground model file (format is {value}, expected \'{expected}\')':
    'pas un fichier de modèle de Backprop Playground (le format est {value}, « {expected} » attendu)',
  'model file version {value} is not supported (this page reads version {n})': 'la version {value} du fichier de modèle n’est pas prise en charge (cette page lit la version {n})',
  'model file has no settings': 'le fichier de modèle n’a pas de réglages',
  'model file has no params': 'le fichier de modèle n’a pas de paramètres',
  'model setting {problem} (the page\'s limit)': 'réglage du modèle : {problem} (la limite de la page)',
  'model settings: {problem}': 'réglages du modèle : {problem}',
  'the model\'s layer sizes {sizes} do not match its settings on this page ({needed})':
    'les tailles de couche du modèle {sizes} ne correspondent pas à ses réglages sur cette page ({needed})',
  'the model has {n} output but {dataset} ({problem}) needs {outputs}':
    'le modèle a {n} sortie mais les données « {dataset} » ({problem}) en demandent {outputs}',
  'the model has {n} outputs but {dataset} ({problem}) needs {outputs}':
    'le modèle a {n} sorties mais les données « {dataset} » ({problem}) en demandent {outputs}',
  'the model has {n} output but the drawn {problem} points need {outputs}':
    'le modèle a {n} sortie mais vos points dessinés ({problem}) en demandent {outputs}',
  'the model has {n} outputs but the drawn {problem} points need {outputs}':
    'le modèle a {n} sorties mais vos points dessinés ({problem}) en demandent {outputs}',
  'the model\'s inputs {names} need x2, which {dataset} (1-D data) does not have':
    'les entrées du modèle {names} demandent x2, que « {dataset} » (données 1-D) n’a pas',
  'the model was trained on drawn or imported points, which this page does not have: using {dataset}':
    'le modèle a été entraîné sur des points dessinés ou importés, que cette page n’a pas : « {dataset} » à la place',
  'the model was trained on a drawn curve, which this page does not have: using {dataset}':
    'le modèle a été entraîné sur une courbe dessinée, que cette page n’a pas : « {dataset} » à la place',
  'the model was trained on drawn or imported {problem} points, which this page does not have: using {dataset}':
    'le modèle a été entraîné sur des points dessinés ou importés ({problem}), que cette page n’a pas : « {dataset} » à la place',
  'model problem must be binary, multiclass or regression (got {value})':
    'le problème du modèle doit être binary, multiclass ou regression (reçu {value})',
  'model problem {problem} does not fit its layer sizes {sizes}':
    'le problème du modèle ({problem}) ne convient pas à ses tailles de couches {sizes}',
  'model problem {problem} does not fit its dataset {dataset}':
    'le problème du modèle ({problem}) ne convient pas à son jeu de données « {dataset} »',
  'model layerSizes must be a list of at least 2 whole numbers (inputs, ..., outputs)':
    'les layerSizes du modèle doivent être une liste d’au moins 2 nombres entiers (entrées, ..., sorties)',
  'model layer sizes {sizes} do not match its hidden layers {hidden}':
    'les tailles de couches du modèle {sizes} ne correspondent pas à ses couches cachées {hidden}',
  'model layer sizes {sizes} do not match its hidden layers (none)':
    'les tailles de couches du modèle {sizes} ne correspondent pas à ses couches cachées (aucune)',
  'model layer sizes {sizes} do not match its {n} features':
    'les tailles de couches du modèle {sizes} ne correspondent pas à ses {n} entrées',
  'model params has {n} numbers but layer sizes {sizes} need {expected}':
    'les params du modèle comptent {n} nombres mais les tailles de couches {sizes} en demandent {expected}',
  'model params[{i}] is not a finite float32 number (got {value})':
    'params[{i}] du modèle n’est pas un nombre fini en float32 (reçu {value})',
  'model epoch must be a whole number ≥ 0 (got {value})': 'l’époque du modèle doit être un nombre entier ≥ 0 (reçu {value})',
  'model maxoutPieces must be 2, 3 or 4 (got {value})': 'les maxoutPieces du modèle doivent valoir 2, 3 ou 4 (reçu {value})',
  'the file is too large ({x} MB; a model file may have at most {max} MB)':
    'le fichier est trop gros ({x} Mo ; un fichier de modèle fait au plus {max} Mo)',
  'the model was trained on a drawn curve: using yours (your 2-D points stay under "your data")':
    'le modèle a été entraîné sur une courbe dessinée : la vôtre est utilisée (vos points 2-D restent sous « vos données »)',
  'the model was trained on drawn or imported points: using yours (your curve stays under "your curve")':
    'le modèle a été entraîné sur des points dessinés ou importés : les vôtres sont utilisés (votre courbe reste sous « votre courbe »)',
  // Canvas text: the user-data buttons' icons, the chart's hover box
  'your data': 'vos données',
  'your curve': 'votre courbe',
  '{series} accuracy': 'exactitude ({series})',
  // The problem the data set poses (the header's readout)
  '{k}-class classification': 'classification à {k} classes',
  'regression': 'régression',
  // The problem's id as messages name it ("Imported 4 points (binary).")
  [inContext('problem', 'binary')]: 'binaire',
  [inContext('problem', 'multiclass')]: 'multi-classe',
  [inContext('problem', 'regression')]: 'régression',
};
