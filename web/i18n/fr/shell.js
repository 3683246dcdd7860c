// The page's shell in French (index.html, the menus, the course menu): each message's English text
// (its id, as the page writes it) → its French. tests/web/i18n.test.mjs checks that the shell's
// texts all are here. The mathematical notation and the settings' names in links stay as they are.
import { inContext } from '../context.js';

export default {
  // The header
  'Backprop Playground': 'Backprop Playground',
  'Train a small neural network in your browser and watch backpropagation at work.':
    'Entraînez un petit réseau de neurones dans votre navigateur et regardez la rétropropagation à l’œuvre.',
  'Theme': 'Thème',
  'Auto': 'Auto',
  'Light': 'Clair',
  'Dark': 'Sombre',
  'Colours: follow the system (Auto), or always light or dark. Saved in this browser.':
    'Couleurs : celles du système (Auto), ou toujours claires ou sombres. Retenu par ce navigateur.',
  'Language': 'Langue',
  'The page\'s language. Its number format follows it.': 'La langue de la page. Le format des nombres la suit.',
  'Lecture hall': 'Amphi',
  // The engine did not start (web/main.js)
  'The engine cannot start from a file: open offline/index.html, beside this page, which works without a server.':
    'Le moteur ne peut pas démarrer depuis un fichier : ouvrez offline/index.html, à côté de cette page, qui fonctionne sans serveur.',
  'The engine could not start: {reason}': 'Le moteur n’a pas pu démarrer : {reason}',
  'Lecture hall: full screen, large type and thick lines for a projector (Esc leaves)':
    'Amphi : plein écran, grands caractères et traits épais pour un vidéoprojecteur (Échap pour sortir)',
  'Course chapters': 'Chapitres du cours',
  'Chapters': 'Chapitres',
  'Playground': 'Bac à sable',
  'Playground (free)': 'Bac à sable (libre)',
  'The neuron': 'Le neurone',
  'Perceptron and Adaline': 'Perceptron et Adaline',
  'Gradient descent': 'Descente de gradient',
  'The MLP and its forward pass': 'Le PMC et sa propagation avant',
  'Backpropagation': 'Rétropropagation',
  'Activation functions': 'Fonctions d’activation',
  'Regularisation and generalisation': 'Régularisation et généralisation',
  'Initialisation': 'Initialisation',
  'Active lesson': 'Leçon en cours',

  // The run bar and the training options
  'Reset to the initial weights (r)': 'Revenir aux poids initiaux (r)',
  'Reset to the initial weights': 'Revenir aux poids initiaux',
  'Play / pause (space)': 'Lecture / pause (espace)',
  'Play': 'Lecture',
  'One step (s)': 'Un pas (s)',
  'One step': 'Un pas',
  'Epoch': 'Époque',
  'Test loss': 'Perte de test',
  'Learning rate': 'Taux d’apprentissage',
  'Activation': 'Activation',
  'Problem': 'Problème',
  'classification': 'classification',
  'Set by the dataset: classes to separate, or a value to fit':
    'Fixé par le jeu de données : des classes à séparer, ou une valeur à approcher',
  'step: 1 for z > 0, else 0 (0 at z = 0); its derivative is taken as 0, so no gradient flows back through it':
    'échelon : 1 pour z > 0, 0 sinon (0 en z = 0) ; sa dérivée est prise nulle, donc aucun gradient ne le retraverse',
  'Training options': 'Options d’entraînement',
  'Step': 'Pas',
  'Epochs per frame': 'Époques par image',
  'Epochs trained per animation frame (60 a second); as fast as possible: as many as fit the frame':
    'Époques entraînées par image d’animation (60 par seconde) ; au plus vite : autant que l’image en permet',
  'New weights': 'Nouveaux poids',
  'New initial weights (n)': 'Nouveaux poids initiaux (n)',
  'Optimiser': 'Optimiseur',
  'L2 rate': 'Taux L2',
  'Dismiss message': 'Fermer le message',

  // The data panel
  'Data': 'Données',
  'Which dataset?': 'Quel jeu de données ?',
  'Training data': 'Données d’entraînement',
  'Validation data': 'Données de validation',
  'Noise': 'Bruit',
  'Points': 'Points',
  'Classes': 'Classes',
  'Batch size': 'Taille de lot',
  'Input scaling': 'Mise à l’échelle des entrées',
  'Standardise: each input feature becomes (x − mean) / sd, with the mean and standard deviation of the training points only (the population sd, dividing by n), applied unchanged to validation, test and the plot':
    'Standardiser : chaque entrée devient (x − moyenne) / écart-type, avec la moyenne et l’écart-type des seuls points d’entraînement (l’écart-type de la population, en divisant par n), appliqués tels quels à la validation, au test et au graphique',
  'Regenerate': 'Régénérer',
  'Show test data': 'Montrer les données de test',
  'Draw your own': 'Dessinez les vôtres',
  'Class': 'Classe',
  'Draw': 'Dessiner',
  'Clear': 'Effacer',
  'Click the output plot to add a point, shift-click or right-click to remove one.':
    'Cliquez sur le graphique de sortie pour ajouter un point ; Maj-clic ou clic droit pour en retirer un.',
  'Tap the output plot to add a point; touch and hold a point to remove it.':
    'Touchez le graphique de sortie pour ajouter un point ; maintenez le doigt sur un point pour le retirer.',
  'Import CSV': 'Importer un CSV',
  'Export CSV': 'Exporter en CSV',

  // The network panel and More settings
  'Features and network': 'Entrées et réseau',
  'Click a feature to use it as an input. Hover a neuron to see it large; hover a link or a bias square for its value and gradient, click to edit it.':
    'Cliquez sur une entrée pour l’utiliser. Survolez un neurone pour l’agrandir ; survolez un lien ou le carré d’un biais pour sa valeur et son gradient, cliquez pour le modifier.',
  'More settings': 'Plus de réglages',
  'Output activation': 'Activation de sortie',
  'Loss': 'Perte',
  'mse: ½ (y − ŷ)² summed over the outputs, averaged over the points (half of PyTorch\'s MSELoss for one output); bce: cross-entropy summed over the outputs, averaged over the points; softmax_ce: −log of the true class\'s probability, averaged':
    'mse : ½ (y − ŷ)² sommé sur les sorties, moyenné sur les points (la moitié de MSELoss de PyTorch pour une sortie) ; bce : entropie croisée sommée sur les sorties, moyennée sur les points ; softmax_ce : −log de la probabilité de la vraie classe, moyenné',
  'Initial scale σ or a': 'Échelle initiale σ ou a',
  'σ of the normal N(0, σ²), a of the uniform U(−a, a): the same for every layer, whatever its fan-in':
    'σ de la loi normale N(0, σ²), a de la loi uniforme U(−a, a) : la même pour chaque couche, quel que soit son nombre d’entrées',
  'Initial bias': 'Biais initial',
  'Leaky ReLU slope': 'Pente de Leaky ReLU',
  'ELU alpha': 'Alpha d’ELU',
  'Maxout pieces k': 'Morceaux de maxout k',
  'each maxout unit takes the largest of k linear pieces, each with its own weights and bias':
    'chaque unité maxout prend le plus grand de k morceaux linéaires, chacun avec ses poids et son biais',
  'Learning-rate decay': 'Décroissance du taux',
  'Counts epochs, not updates: exponential is lr · rate^epoch; inverse_time is lr · steps / (epoch + steps)':
    'Compte les époques, pas les mises à jour : exponential vaut lr · rate^époque ; inverse_time vaut lr · steps / (époque + steps)',
  'Decay rate': 'Taux de décroissance',
  'Decay steps': 'Pas de décroissance',
  'Momentum': 'Momentum',
  'v ← μv − lr·g, then w ← w + v. PyTorch keeps v ← μv + g, w ← w − lr·v: the same while the learning rate is constant, different once it decays':
    'v ← μv − lr·g, puis w ← w + v. PyTorch garde v ← μv + g, w ← w − lr·v : c’est pareil tant que le taux est constant, différent dès qu’il décroît',
  'Adam β1': 'β1 d’Adam',
  'Adam β2': 'β2 d’Adam',
  'L1 rate': 'Taux L1',
  'Dropout': 'Dropout',
  'Weight seed': 'Graine des poids',
  'Data seed': 'Graine des données',
  'Early stopping': 'Arrêt précoce',
  'Patience (epochs)': 'Patience (époques)',
  'Gradients and activations by layer': 'Gradients et activations par couche',
  'PReLU slopes by unit': 'Pentes PReLU par unité',

  // The output panel
  'Output': 'Sortie',
  'Training loss': 'Perte d’entraînement',
  'Validation loss': 'Perte de validation',
  'Test accuracy': 'Exactitude de test',
  'Mean data loss over the points (without L1/L2), in the form the Loss setting names':
    'Perte moyenne sur les points (sans L1/L2), sous la forme que nomme le réglage Perte',
  'Log scale': 'Échelle log',
  'Discretise output': 'Sortie discrétisée',
  'Compare runs': 'Comparer',
  'Train a second run beside this one that differs in the settings you pick':
    'Entraîner à côté un second essai qui diffère par les réglages choisis',
  'Share / embed': 'Partager / intégrer',
  'Save model': 'Enregistrer le modèle',
  'Load model': 'Charger un modèle',
  'Open in the full playground': 'Ouvrir dans le bac à sable complet',

  // Comparing two runs
  'Compare two runs': 'Comparer deux essais',
  'Close comparison': 'Fermer la comparaison',
  'Run A is the playground above; run B is a copy of it that differs only in the settings you change here. Both learn the same data from the same seed and train in lock-step: play, pause, step and reset act on both, and a change to either starts both over at epoch 0.':
    'L’essai A est le bac à sable ci-dessus ; l’essai B en est une copie qui ne diffère que par les réglages changés ici. Les deux apprennent les mêmes données depuis la même graine, au même rythme : lecture, pause, pas et remise à zéro agissent sur les deux, et un changement de l’un les fait repartir tous deux de l’époque 0.',
  'Run B\'s settings': 'Réglages de l’essai B',

  // The step panel
  'Watch one training step': 'Suivre un pas d’entraînement',
  'Trace the next example or mini-batch, or click a training point in the small plot: the network trains on it once, and you see the forward pass, the loss, the backward pass and the update with the numbers the engine computed. Click a unit, link or bias for its chain-rule equation.':
    'Tracez l’exemple ou le mini-lot suivant, ou cliquez sur un point d’entraînement dans le petit graphique : le réseau s’entraîne une fois dessus, et vous voyez la propagation avant, la perte, la rétropropagation et la mise à jour avec les nombres calculés par le moteur. Cliquez sur une unité, un lien ou un biais pour son équation de dérivation en chaîne.',
  'Trace the next example': 'Tracer l’exemple suivant',
  'Trace the next mini-batch': 'Tracer le mini-lot suivant',
  '◀ Previous': '◀ Précédent',
  'Next ▶': 'Suivant ▶',
  'Previous phase': 'Phase précédente',
  'Next phase': 'Phase suivante',
  'Phases of the step': 'Phases du pas',
  'Speed': 'Vitesse',
  'Showing': 'Affichage',
  'Click a training point to trace a step on it.': 'Cliquez sur un point d’entraînement pour y tracer un pas.',

  // The Share / embed dialog
  'Share or embed this set-up': 'Partager ou intégrer cette configuration',
  'Link to this exact set-up': 'Lien vers cette configuration exacte',
  'Copy link': 'Copier le lien',
  'Presets': 'Préréglages',
  'Hide from learners': 'Cacher aux apprenants',
  'Embed in another page: show only': 'Intégrer dans une autre page : montrer seulement',
  'Width': 'Largeur',
  'Height': 'Hauteur',
  'Use the measured size': 'Utiliser la taille mesurée',
  'HTML to paste': 'HTML à coller',
  'Copy HTML': 'Copier le HTML',
  'Preview at the chosen size': 'Aperçu à la taille choisie',
  'Close': 'Fermer',

  // The first visit's tips, the weights' legend, the output plot's caption
  'Press play to train the network (or Space). Step trains one epoch at a time.':
    'Appuyez sur lecture pour entraîner le réseau (ou Espace). Pas entraîne une époque à la fois.',
  'Each neuron’s picture is its output over the input plane (x1 across, x2 up): blue where it is positive, orange where negative.':
    'L’image de chaque neurone est sa sortie sur le plan des entrées (x1 en abscisse, x2 en ordonnée) : bleue où elle est positive, orange où elle est négative.',
  'Links are the weights: blue positive, orange negative, grey zero, thicker for a larger |w|. Hover one to read it, click to edit.':
    'Les liens sont les poids : bleus positifs, orange négatifs, gris nuls, plus épais pour un |w| plus grand. Survolez-en un pour le lire, cliquez pour le modifier.',
  'Got it': 'Compris',
  'Weights:': 'Poids :',
  'negative': 'négatif',
  'zero': 'nul',
  'positive': 'positif',
  'thickness = |w|': 'épaisseur = |w|',
  'Link colours: negative weights orange, zero grey, positive blue; thicker for a larger |w|':
    'Couleurs des liens : poids négatifs en orange, nuls en gris, positifs en bleu ; plus épais pour un |w| plus grand',
  'Predicted class over the input plane.': 'Classe prédite sur le plan des entrées.',
  'Network output over the input plane.': 'Sortie du réseau sur le plan des entrées.',
  'Network output over the input plane (decision boundary where the colours meet).':
    'Sortie du réseau sur le plan des entrées (frontière de décision là où les couleurs se rejoignent).',

  // The network's header (counts: see tn()), the legends
  '{n} hidden layer': '{n} couche cachée',
  '{n} hidden layers': '{n} couches cachées',
  '{n} neuron': '{n} neurone',
  '{n} neurons': '{n} neurones',
  'add a hidden layer': 'ajouter une couche cachée',
  'remove the last hidden layer': 'retirer la dernière couche cachée',
  'train': 'entraînement',
  'test': 'test',
  'training': 'entraînement',
  'validation': 'validation',
  'loss': 'perte',
  'accuracy': 'exactitude',
  'epoch': 'époque',

  // Saving figures
  'Save figure ▾': 'Enregistrer la figure ▾',

  // The settings' values (views/names.js VALUE_LABELS; the menus' options), in the context 'value'
  [inContext('value', 'Linear')]: 'Linéaire',
  [inContext('value', 'Sigmoid')]: 'Sigmoïde',
  [inContext('value', 'Tanh')]: 'Tanh',
  [inContext('value', 'ReLU')]: 'ReLU',
  [inContext('value', 'Leaky ReLU')]: 'Leaky ReLU',
  [inContext('value', 'ELU')]: 'ELU',
  [inContext('value', 'Softplus')]: 'Softplus',
  [inContext('value', 'Absolute value')]: 'Valeur absolue',
  [inContext('value', 'GELU')]: 'GELU',
  [inContext('value', 'Swish (SiLU)')]: 'Swish (SiLU)',
  [inContext('value', 'PReLU')]: 'PReLU',
  [inContext('value', 'Maxout')]: 'Maxout',
  [inContext('value', 'Softmax')]: 'Softmax',
  [inContext('value', 'Squared error')]: 'Erreur quadratique',
  [inContext('value', 'Binary cross-entropy')]: 'Entropie croisée binaire',
  [inContext('value', 'Softmax cross-entropy')]: 'Entropie croisée softmax',
  [inContext('value', 'Zeros')]: 'Zéros',
  [inContext('value', 'Uniform ±1/√fan-in')]: 'Uniforme ±1/√entrées',
  [inContext('value', 'Xavier uniform')]: 'Xavier uniforme',
  [inContext('value', 'Xavier normal')]: 'Xavier normale',
  [inContext('value', 'He uniform')]: 'He uniforme',
  [inContext('value', 'He normal')]: 'He normale',
  [inContext('value', 'Normal N(0, σ²)')]: 'Normale N(0, σ²)',
  [inContext('value', 'Uniform U(−a, a)')]: 'Uniforme U(−a, a)',
  [inContext('value', 'Standardise (z-score)')]: 'Standardiser (score z)',
  [inContext('value', 'None')]: 'Aucune',
  [inContext('value', 'Inverse time')]: 'Inverse du temps',
  [inContext('value', 'Exponential')]: 'Exponentielle',
  [inContext('value', 'As fast as possible')]: 'Au plus vite',
  [inContext('value', 'SGD')]: 'SGD',
  [inContext('value', 'Adam')]: 'Adam',
  [inContext('value', 'Momentum')]: 'Momentum',
  [inContext('value', 'Step')]: 'Échelon',
  [inContext('value', 'epoch')]: 'époque',
  [inContext('value', 'mini-batch')]: 'mini-lot',
  [inContext('value', 'example')]: 'exemple',
};
