// French: chapter 'perceptron': its text (the fragments between its formulas), its labs and its tasks.
export default {
  // The chapter's text
  'Rosenblatt\'s perceptron (1958) learns a threshold unit from examples: after each example it classifies wrongly it moves the weights by':
    'Le perceptron de Rosenblatt (1958) apprend une unité à seuil à partir d’exemples : après chaque exemple qu’il classe mal, il déplace les poids de',
  ', with learning rate': ', avec le taux d’apprentissage',
  '(the lecture\'s slides write it': '(les diapositives du cours l’écrivent',
  '), target': '), la cible',
  'and output': 'et la sortie',
  '. Widrow and Hoff\'s Adaline (1960) instead minimises the squared error of the linear sum before the threshold,':
    '. L’Adaline de Widrow et Hoff (1960) minimise plutôt l’erreur quadratique de la somme linéaire, prise avant le seuil,',
  ', by gradient descent:': ', par descente de gradient :',
  ', the delta rule that backpropagation generalises.': ', la règle delta que la rétropropagation généralise.',
  'Both draw one straight line, so both succeed on linearly separable data and both fail on XOR, as Minsky and Papert showed in 1969. In the lab below the core applies both rules side by side, one example at a time from zero weights, to a truth table or to the playground\'s own points: the perceptron stops changing after the first epoch without a mistake, which on AND, OR, NAND or two separate clusters comes within a few epochs, and on XOR or overlapping clusters never comes. Adaline\'s update looks the same but uses the linear output, so it is stochastic gradient descent on the squared error: it keeps moving towards the least-squares line even when every point is already right, and settles there even when no line separates the classes. The playground\'s network with no hidden layer is also such a single unit (trained by gradient descent on a tanh output): the lessons below put it on two clusters and on XOR.':
    'Tous deux tracent une seule droite : ils réussissent donc sur des données linéairement séparables et échouent sur XOR, comme Minsky et Papert l’ont montré en 1969. Dans le labo ci-dessous, le cœur applique les deux règles côte à côte, un exemple à la fois et à partir de poids nuls, à une table de vérité ou aux points du bac à sable : le perceptron cesse de changer après la première époque sans erreur, qui arrive en quelques époques sur AND, OR, NAND ou deux nuages séparés, et n’arrive jamais sur XOR ou sur des nuages qui se chevauchent. La mise à jour d’Adaline a la même forme mais utilise la sortie linéaire : c’est une descente de gradient stochastique sur l’erreur quadratique. Elle continue d’avancer vers la droite des moindres carrés même quand tous les points sont déjà bien classés, et s’y stabilise même quand aucune droite ne sépare les classes. Le réseau du bac à sable sans couche cachée est lui aussi une telle unité (entraînée par descente de gradient, avec une sortie tanh) : les leçons ci-dessous la mettent face à deux nuages et à XOR.',

  // The lessons
  'One unit separates two clusters': 'Une unité sépare deux nuages',
  'Two Gaussian clusters can be split by a straight line, so a single unit with no hidden layer finds one: press play and the test accuracy climbs to about 99% within a few dozen epochs. The boundary in the output plot is the line where w1·x1 + w2·x2 + b = 0.':
    'Deux nuages gaussiens peuvent être séparés par une droite, donc une unité seule, sans couche cachée, en trouve une : appuyez sur lecture et l’exactitude de test monte à environ 99\u00a0% en quelques dizaines d’époques. La frontière dans le graphique de sortie est la droite où w1·x1 + w2·x2 + b = 0.',
  'One unit cannot do XOR': 'Une unité ne peut pas faire XOR',
  'The same single unit on XOR: whatever line it draws, at least one of the four quadrants ends up on the wrong side, and the test accuracy stays around two thirds however long it trains. This is the limit Minsky and Papert pointed out, and the reason for hidden layers (chapter 4).':
    'La même unité seule sur XOR : quelle que soit la droite tracée, au moins un des quatre quadrants se retrouve du mauvais côté, et l’exactitude de test reste autour des deux tiers, aussi longtemps qu’elle s’entraîne. C’est la limite relevée par Minsky et Papert, et la raison d’être des couches cachées (chapitre 4).',

  // The playground's task
  'A single unit is enough here': 'Une seule unité suffit ici',
  'These two clusters are linearly separable. Remove both hidden layers (the − above the network) and reach a test accuracy of at least 95% with the single unit that is left.':
    'Ces deux nuages sont linéairement séparables. Retirez les deux couches cachées (le − au-dessus du réseau) et atteignez une exactitude de test d’au moins 95\u00a0% avec l’unité seule qui reste.',
  'choose the two Gaussian clusters': 'choisissez les deux nuages gaussiens',
  'remove the hidden layers (now {n})': 'retirez les couches cachées (actuellement {n})',

  // The rules lab
  'The perceptron and Adaline rules, side by side, one example at a time':
    'Les règles du perceptron et d’Adaline, côte à côte, un exemple à la fois',
  'Both units see the same example at each step and update w ← w + η·(t − y)·x, with the bias as w0 on a constant input 1. The perceptron\'s y is the step of z (1 for z > 0); Adaline\'s y is z itself, and it classifies by whether z is past the middle of the two targets. The playground\'s points are its training points, divided by':
    'Les deux unités voient le même exemple à chaque pas et se mettent à jour par w ← w + η·(t − y)·x, le biais étant w0, sur une entrée constante égale à 1. Le y du perceptron est l’échelon de z (1 pour z > 0) ; celui d’Adaline est z lui-même, et Adaline classe selon que z dépasse ou non le milieu des deux cibles. Les points du bac à sable sont ses points d’entraînement, divisés par',
  'to lie in [−1, 1].': 'pour tenir dans [−1, 1].',
  'the playground\'s points': 'les points du bac à sable',
  'Targets': 'Cibles',
  'Step one example': 'Avancer d’un exemple',
  'Finish the epoch': 'Finir l’époque',
  'Train {n} epochs': 'Entraîner {n} époques',
  'Reset to w = 0': 'Revenir à w = 0',
  'Pause': 'Pause',
  'The points, coloured by target, the region where the perceptron fires with its line, and Adaline\'s line dashed':
    'Les points, colorés selon leur cible, la région où le perceptron s’active avec sa droite, et la droite d’Adaline en tirets',
  '{point}, target {target}': '{point}, cible {target}',
  '{n} epoch': '{n} époque',
  '{n} epochs': '{n} époques',
  '{n} example': '{n} exemple',
  '{n} examples': '{n} exemples',
  '{epochs} of {total} examples': '{epochs} de {total} exemples',
  '{epochs} and {examples} of {total} examples': '{epochs} de {total} exemples et {examples}',
  'The last step': 'Le dernier pas',
  'Press "Step one example".': 'Appuyez sur « Avancer d’un exemple ».',
  'No run.': 'Aucune exécution.',
  'example x': 'exemple x',
  'weights before': 'poids avant',
  'y = step(z)': 'y = échelon(z)',
  'target t': 'cible t',
  'Mistakes per epoch': 'Erreurs par époque',
  'epoch {epoch}: {n} mistake': 'époque {epoch} : {n} erreur',
  'epoch {epoch}: {n} mistakes': 'époque {epoch} : {n} erreurs',
  'J = 1/(2m) Σ (t − z)² after each epoch': 'J = 1/(2m) Σ (t − z)² après chaque époque',
  'Squared error per epoch': 'Erreur quadratique par époque',
  'nothing': 'rien',
  '{rule}: η must be between {min} and {max} (got {value})': '{rule} : η doit être compris entre {min} et {max} (reçu : {value})',
  'The rules learn two classes: choose a two-class data set in the playground below (not a multi-class or regression one).':
    'Les règles apprennent deux classes : choisissez dans le bac à sable ci-dessous un jeu de données à deux classes (ni multiclasse ni de régression).',
  'The playground has no training points: generate or draw some below.':
    'Le bac à sable n’a aucun point d’entraînement : générez-en ou dessinez-en ci-dessous.',

  // The units' statuses
  'The weights are no longer numbers: the learning rate is too large for Adaline. Lower it and reset.':
    'Les poids ne sont plus des nombres : le taux d’apprentissage est trop grand pour Adaline. Baissez-le et recommencez.',
  'No epoch completed yet.': 'Aucune époque terminée pour l’instant.',
  'Settled: epoch {epoch} changed J = {J} by less than 0.01%, {wrong} classified wrongly in the epoch. With an update per example and a fixed η, Adaline ends circling the least-squares line (the closer, the smaller η), which minimises J whether or not a line separates the classes.':
    'Stabilisation : l’époque {epoch} a modifié J = {J} de moins de 0,01\u00a0% ; exemples mal classés dans l’époque : {wrong}. Avec une mise à jour par exemple et un η fixe, Adaline finit par tourner autour de la droite des moindres carrés (d’autant plus près que η est petit), qui minimise J, qu’une droite sépare les classes ou non.',
  'Epoch {epoch}: J = {J}, {wrong} classified wrongly in the epoch. Adaline keeps moving towards the least-squares line even when every point is right.':
    'Époque {epoch} : J = {J} ; exemples mal classés dans l’époque : {wrong}. Adaline continue d’avancer vers la droite des moindres carrés même quand tous les points sont bien classés.',
  'Epoch {epoch}: J = {J}, up in each of the last {n} epochs: the learning rate is too large for Adaline, each update overshoots. Lower it and reset.':
    'Époque {epoch} : J = {J}, en hausse à chacune des {n} dernières époques : le taux d’apprentissage est trop grand pour Adaline, chaque mise à jour dépasse le but. Baissez-le et recommencez.',
  'Converged: epoch {epoch} was the first without a mistake, so the weights no longer change.':
    'Convergence : l’époque {epoch} a été la première sans erreur, donc les poids ne changent plus.',
  'XOR is not linearly separable: no line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other, so the rule keeps correcting one mistake with another, forever (Minsky and Papert, 1969).':
    'XOR n’est pas linéairement séparable : aucune droite ne place (0, 1) et (1, 0) d’un côté et (0, 0) et (1, 1) de l’autre, si bien que la règle corrige sans fin une erreur par une autre (Minsky et Papert, 1969).',
  'the classes are probably not separable by a line, and then the rule never stops.':
    'les classes ne sont sans doute pas séparables par une droite, et alors la règle ne s’arrête jamais.',
  '{n} epochs and still a mistake in every one: {why}': '{n} époques, et toujours une erreur dans chacune : {why}',
  'Epoch {epoch}: {n} mistake.': 'Époque {epoch} : {n} erreur.',
  'Epoch {epoch}: {n} mistakes.': 'Époque {epoch} : {n} erreurs.',

  // The lab's tasks
  'The perceptron learns OR': 'Le perceptron apprend OR',
  'Choose OR, then step or train until the perceptron has an epoch without a mistake.':
    'Choisissez OR, puis avancez pas à pas ou entraînez jusqu’à ce que le perceptron fasse une époque sans erreur.',
  'choose {name}': 'choisissez {name}',
  'train until an epoch has no mistake (epoch {epoch} so far)': 'entraînez jusqu’à une époque sans erreur (époque {epoch} pour l’instant)',
  'The perceptron cannot learn XOR': 'Le perceptron ne peut pas apprendre XOR',
  'Choose XOR and train for {n} epochs: every one still has a mistake.':
    'Choisissez XOR et entraînez {n} époques : chacune comporte encore une erreur.',
  'train for {n} epochs ({epoch} so far)': 'entraînez {n} époques ({epoch} pour l’instant)',
  'Adaline settles where the perceptron cannot': 'Adaline se stabilise là où le perceptron n’y arrive pas',
  'On XOR, train {n} epochs and compare: the perceptron still corrects one mistake with another, while Adaline\'s squared error J has stopped falling. Which line did it settle on, and why is it no use for classifying XOR?':
    'Sur XOR, entraînez {n} époques et comparez : le perceptron corrige toujours une erreur par une autre, tandis que l’erreur quadratique J d’Adaline a cessé de baisser. Sur quelle droite Adaline s’est-elle stabilisée, et pourquoi cette droite ne sert-elle à rien pour classer XOR ?',
  'lower Adaline\'s η: its weights diverged': 'baissez l’η d’Adaline : ses poids ont divergé',
  'lower Adaline\'s η: its J keeps growing (now {J})': 'baissez l’η d’Adaline : son J ne cesse de croître (actuellement {J})',
  'train for {n} epochs ({epoch} so far) until J stops falling':
    'entraînez {n} époques ({epoch} pour l’instant), jusqu’à ce que J cesse de baisser',
  'train on until J stops falling ({epoch} epochs so far)':
    'continuez d’entraîner jusqu’à ce que J cesse de baisser ({epoch} époques pour l’instant)',
  'The perceptron on generated points': 'Le perceptron sur des points générés',
  'Choose the playground\'s points, with the two Gaussian clusters at noise 25% or less in the playground below, and train until the perceptron converges: every training point on its side of the line. Then raise the noise to 50%: the clusters overlap, and the perceptron never stops while Adaline settles.':
    'Choisissez les points du bac à sable, avec les deux nuages gaussiens à un bruit de 25\u00a0% au plus dans le bac à sable ci-dessous, et entraînez jusqu’à ce que le perceptron converge : chaque point d’entraînement du bon côté de la droite. Montez ensuite le bruit à 50\u00a0% : les nuages se chevauchent, et le perceptron ne s’arrête plus, tandis qu’Adaline se stabilise.',
  'choose the two Gaussian clusters with noise at most 25% below':
    'choisissez ci-dessous les deux nuages gaussiens avec un bruit d’au plus 25\u00a0%',
};
