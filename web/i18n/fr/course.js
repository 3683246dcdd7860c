// French: the course's shared parts (lessons, tasks and their status, the chapter links, the
// problems of a course link).
export default {
  'Lessons': 'Leçons',
  'Lesson: {title}': 'Leçon : {title}',
  'Text': 'Texte',  // the button that unfolds the active lesson's text on a small screen
  'Try this': 'À vous',
  'Computing the lab\'s numbers': 'Calcul des nombres du labo',  // a lab's progress bar while it trains in slices
  'Set it up': 'Préparer',
  'Done: the task is met.': 'Fait : l’exercice est réussi.',
  'Not yet: {missing}.': 'Pas encore : {missing}.',
  'Task met: {title}.': 'Exercice réussi : {title}.',  // read out by a screen reader when a task becomes met
  '; ': ' ; ',  // between a task's missing conditions
  'cannot check yet ({reason})': 'impossible à vérifier pour l’instant ({reason})',
  'not measured': 'non mesurée',
  'the set-up\'s settings, which its Set it up link restores ({differences})':
    'les réglages de la mise en place, que son lien « Préparer » rétablit ({differences})',
  'test accuracy of at least {least} (now {now})': 'une exactitude de test d’au moins {least} (actuellement {now})',
  // a chapter's place while its page loads (dist/chapters.js), or when it could not, or is of a newer site
  'Loading the chapter…': 'Chargement du chapitre…',
  'This chapter could not be loaded. Check the connection, then try again; the playground works meanwhile.':
    'Ce chapitre n’a pas pu être chargé. Vérifiez la connexion, puis réessayez ; le bac à sable fonctionne en attendant.',
  'Try again': 'Réessayer',
  'The site has been updated since this page was opened. Reload the page to open the chapter: the link keeps your settings, but training starts again.':
    'Le site a été mis à jour depuis l’ouverture de cette page. Rechargez la page pour ouvrir le chapitre : le lien garde vos réglages, mais l’entraînement reprend de zéro.',
  'Reload the page': 'Recharger la page',
  'Previous and next chapter': 'Chapitre précédent et suivant',
  'there is no chapter \'{chapter}\'; showing the playground': 'il n’y a pas de chapitre « {chapter} » ; voici le bac à sable',
  '{key} \'{id}\' belongs to a chapter the link does not name (chapter=…); ignored':
    '{key} « {id} » appartient à un chapitre que le lien ne nomme pas (chapter=…) ; ignoré',
  'embed={parts} shows a chapter\'s part, but the link names no chapter (chapter=…)':
    'embed={parts} montre une partie d’un chapitre, mais le lien ne nomme aucun chapitre (chapter=…)',
  'chapter \'{chapter}\' has no lesson \'{lesson}\'': 'le chapitre « {chapter} » n’a pas de leçon « {lesson} »',
  'chapter \'{chapter}\' has no task \'{task}\'': 'le chapitre « {chapter} » n’a pas d’exercice « {task} »',
  'chapter \'{chapter}\' has no lab \'{lab}\'': 'le chapitre « {chapter} » n’a pas de labo « {lab} »',
  'no lab in this chapter reads {key}': 'aucun labo de ce chapitre ne lit {key}',
  'no lab on the playground reads {key}': 'aucun labo du bac à sable ne lit {key}',
  'Some of the link was not understood: {problems}.': 'Une partie du lien n’a pas été comprise : {problems}.',
  'This value is too long for the link, or holds a character it cannot carry: the link keeps the last one that fitted.':
    'Cette valeur est trop longue pour le lien, ou contient un caractère qu’il ne peut pas transporter : le lien garde la dernière qui y tenait.',
  // a lab's number the core, in float, cannot take (chapters/float-fields.js)
  '{name} must be a number from {low} to {high}, the core\'s float range': '{name} doit être un nombre de {low} à {high}, la plage des flottants du cœur',
  '{name}: each number must be from {low} to {high}, the core\'s float range': '{name} : chaque nombre doit être de {low} à {high}, la plage des flottants du cœur',
};
