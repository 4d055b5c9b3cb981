# Catalogue français — langue de référence et de repli.

site-name = Jumelage
skip-to-content = Aller au contenu
nav-main = Navigation principale
nav-home = Accueil
nav-organisations = Collectivités et institutions
nav-partnerships = Partenariats
nav-login = Se connecter
nav-logout = Se déconnecter
nav-api = API
lang-switch-label = Langue
footer-text = Jumelage — plateforme des groupes-pays de la coopération décentralisée

network-title = Les groupes-pays

## Accueil d'un groupe-pays
home-hashtag = Mot-dièse du groupe :
home-members-heading = Membres et partenaires
home-members-of-country = { $country } ({ $count })
home-institutional-partners = Partenaires institutionnels et secrétariat
home-partnerships-heading = Partenariats des membres
home-other-groups = Autres groupes-pays

## Pays

## Niveaux de collectivités

## Natures d'organisations
kind-local-authority = Collectivité territoriale
kind-embassy = Ambassade
kind-state-body = Administration d'État
kind-association = Association
kind-network = Réseau
kind-agency = Agence
kind-economic-zone = Zone économique
kind-other = Autre institution

## Partenariats
partnership-kind-twinning = Jumelage
partnership-kind-friendship = Pacte d'amitié
partnership-kind-mou = Protocole d'accord
partnership-kind-letter-of-intent = Lettre d'intention
partnership-kind-cooperation-agreement = Accord de coopération
partnership-kind-informal = Relations informelles
partnership-status-planned = En projet
partnership-status-active = Actif
partnership-status-dormant = En sommeil
partnership-status-ended = Terminé
partnership-list-title = Partenariats
partnership-details = Voir le partenariat
partnership-count = { $count ->
    [0] Aucun partenariat
    [one] { $count } partenariat
   *[other] { $count } partenariats
}

## Rôles dans un groupe
group-role-member = Membre
group-role-partner = Collectivité partenaire
group-role-observer = Partenaire institutionnel
group-role-secretariat = Secrétariat

## Listes et filtres
org-list-title = Collectivités et institutions
org-count = { $count ->
    [0] Aucune organisation
    [one] { $count } organisation
   *[other] { $count } organisations
}
filter-label = Filtrer la liste
org-filter-name = Nom (dans toute langue)
org-filter-country = Pays
org-filter-level = Niveau
org-filter-kind = Nature
filter-any = Tous
filter-apply = Filtrer
filter-reset = Effacer les filtres
none-found = Aucun résultat pour ces critères.
none-recorded = Rien n'est enregistré pour l'instant.
col-name = Nom
col-country = Pays
col-level = Niveau
col-population = Population
col-partners = Partenaires
col-kind = Nature
col-signed = Signé
col-status = Statut
col-themes = Thèmes
pagination-label = Pages
pagination-prev = Page précédente
pagination-next = Page suivante
pagination-page = Page { $page } sur { $pages }

## Fiche d'une organisation
name-fr = Nom en français
name-ko = Nom en coréen
name-ko-latn = Romanisation
name-en = Nom en anglais
org-country = Pays
levels-generic = autres pays
org-level = Niveau
org-kind = Nature
org-parent = Rattachée à
org-children = Collectivités rattachées
org-population = Population
org-population-value = { $population } habitants ({ $year })
org-seat = Siège
org-website = Site web
org-notes = Notes
org-groups = Groupes-pays
org-partnerships = Partenariats
org-people = Contacts
org-actions = Actions et projets
value-unknown = Inconnue
sources-heading = Sources
source-record = Fiche
source-extra = Autre source
source-seed-report = Compte-rendu de la réunion du groupe-pays Corée (28 janvier 2021)

## Connexion
login-title = Connexion
login-email = Adresse électronique
login-password = Mot de passe
login-submit = Se connecter
invitation-title = Choisir votre mot de passe
invitation-intro = Vous avez été invité·e sur la plateforme avec l'adresse
invitation-password = Nouveau mot de passe (10 caractères au moins)
invitation-password-confirm = Confirmer le mot de passe
invitation-submit = Enregistrer et entrer

## Erreurs
error-page-title = Une erreur est survenue
error-page-not-found-title = Page introuvable
error-field = Champ concerné :
error-status = Code d'erreur :
error-back-home = Revenir à l'accueil
error-not-found = Ce que vous cherchez n'existe pas ou n'existe plus.
error-forbidden = Vous n'avez pas le droit de faire cette action.
error-unauthenticated = Connectez-vous pour faire cette action.
error-required = Ce champ est obligatoire.
error-too-long = Ce texte est trop long.
error-invalid-country = Code de pays inconnu : utilisez un code ISO à deux lettres (FR, KR…).
error-invalid-language = Code de langue inconnu : utilisez une étiquette BCP 47 (fr, ko, en, ar, ja…).
error-invalid-hashtag = Mot-dièse invalide : des lettres, des chiffres et « _ » seulement, 100 caractères au plus.
error-invalid-level = Niveau de collectivité inconnu.
error-level-country-mismatch = Ce niveau n'existe pas dans le système de ce pays.
error-invalid-kind = Nature inconnue.
error-invalid-status = Statut inconnu.
error-invalid-number = Nombre invalide ou hors limites.
error-query-too-short = Tapez au moins deux lettres pour chercher.
error-control-characters = Ce texte contient des caractères de contrôle invisibles (NUL, ESC, forçage du sens d'écriture…) : retirez-les.
error-wrong-field-count = Ligne de { $found } colonnes, alors que l'en-tête en a { $expected } : une cellule manque ou est en trop.
error-method-not-allowed = Cette adresse n'accepte pas cette méthode HTTP.
error-body-too-large = La requête est trop volumineuse.
error-unsupported-media-type = Ce type de contenu n'est pas accepté ici.
error-timeout = La requête a pris trop de temps ; réessayez.
error-invalid-date = Date invalide (format attendu : AAAA-MM-JJ).
error-invalid-coordinates = Coordonnées invalides (latitude entre -90 et 90, longitude entre -180 et 180).
error-invalid-url = Adresse web invalide : elle doit commencer par http:// ou https://.
error-invalid-email = Adresse électronique invalide.
error-self-partnership = Une organisation ne peut pas être partenaire d'elle-même.
error-unknown-organisation = Organisation inconnue.
error-unknown-group = Groupe-pays inconnu : choisissez un groupe de la liste du réseau.
error-duplicate-id = Cet identifiant ou cette adresse est déjà utilisé.
error-invalid-id = Identifiant invalide : lettres minuscules, chiffres et tirets seulement.
error-parent-cycle = Une organisation ne peut pas être rattachée à elle-même.
error-version-conflict = Quelqu'un a modifié cette fiche entre-temps : rechargez-la avant d'enregistrer.
error-invalid-credentials = Adresse ou mot de passe incorrect.
error-too-many-attempts = Trop de tentatives : réessayez dans quelques minutes.
error-csrf-mismatch = Le formulaire a expiré : rechargez la page et recommencez.
error-invalid-token = Ce lien ou ce jeton n'est pas valide, ou il a expiré.
error-weak-password = Le mot de passe doit compter au moins 10 caractères.
error-password-mismatch = Les deux mots de passe ne sont pas identiques.
error-bad-request = La requête est mal formée.
error-internal = Une erreur interne est survenue ; elle a été consignée.

## Dates
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-long = { $weekday } { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-medium = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }

## Réunions
nav-meetings = Réunions
nav-roadmap = Feuille de route
save = Enregistrer
in-french = En français
in-korean = En coréen
in-english = En anglais
meeting-list-title = Réunions du groupe
meeting-new-title = Nouvelle réunion
meeting-edit-title = Modifier la réunion
meeting-back = Revenir à la réunion
meeting-title = Titre
meeting-when = Date et heure
meeting-date = Date
meeting-start = Début
meeting-end = Fin
meeting-end-date = Date de fin (si la réunion finit un autre jour)
meeting-time-zone = Fuseau horaire de référence
meeting-format = Format
meeting-format-in-person = En présentiel
meeting-format-remote = À distance (visioconférence)
meeting-format-hybrid = Hybride
meeting-place = Lieu
meeting-link = Lien de connexion
meeting-visibility = Visibilité
meeting-visibility-group = Membres et partenaires du groupe
meeting-visibility-public = Publique
meeting-agenda = Ordre du jour
meeting-agenda-help = Un point par ligne ; les lignes des trois langues se répondent dans l'ordre.
meeting-agenda-and-minutes = Ordre du jour et compte-rendu
meeting-decisions = Relevé de décisions
meeting-follow-ups = Suites à donner
meeting-carried = Suites des réunions précédentes, toujours ouvertes
meeting-participants = Participants
meeting-presence-count = { $present } présents sur { $count } participants
meeting-register = M'inscrire
meeting-invite = Inviter
meeting-invite-organisation = Identifiant de l'organisation (ex. fr-issy)
meeting-attachments = Documents (présentations, annexes)
meeting-attachment-title = Titre du document
meeting-attachment-file = Fichier (PDF, PPTX, DOCX, XLSX, ODT, ODP, PNG, JPEG, TXT ; 20 Mo au plus)
meeting-attachment-add = Joindre
meeting-calendar-file = Ajouter à mon agenda (.ics)
meeting-feed = Abonnement à l'agenda du groupe
meeting-show-times-in = Afficher les heures en
meeting-cancel = Annuler la réunion
meeting-cancelled = Annulée
meeting-cancelled-notice = Cette réunion est annulée.
when-with-date = { $date }, { $start }–{ $end } ({ $zone })
when-time = { $start }–{ $end } ({ $zone })
zone-europe-paris = Paris
zone-asia-seoul = Séoul
zone-utc = UTC
presence-invited = Invité·e
presence-registered = Inscrit·e
presence-present = Présent·e
presence-excused = Excusé·e
presence-absent = Absent·e
attendance-sheet = Participants
attendance-name = Nom
attendance-organisation = Organisation
attendance-organisation-id = Identifiant de l'organisation
attendance-role = Fonction
attendance-presence = Présence
attendance-csv = Liste de présence (CSV)
attendance-xlsx = Liste de présence (XLSX)

## Compte-rendu
minutes-heading = Compte-rendu
minutes-edit-title = Rédiger le compte-rendu
minutes-correct = Corriger le compte-rendu final
minutes-correction-reason = Motif de la correction
minutes-help = Texte en Markdown (**gras**, *italique*, listes avec « - »). Chaque enregistrement crée une nouvelle version ; aucune n'est perdue.
minutes-whole = Compte-rendu
minutes-status-draft = Brouillon
minutes-status-in-review = En relecture
minutes-status-final = Final
minutes-action-draft = Repasser en brouillon
minutes-action-in-review = Soumettre à relecture
minutes-action-final = Valider comme final
minutes-kind-edit = Rédaction
minutes-kind-status = Changement de statut
minutes-kind-correction = Correction
minutes-versions-title = Versions du compte-rendu
minutes-version = Version
minutes-when = Date
minutes-author = Auteur
minutes-change = Modification
minutes-diff-title = Différences
minutes-print = Version imprimable

meeting-add-decision = Ajouter une décision
meeting-add-follow-up = Ajouter une suite à donner
meeting-agenda-item = Point de l'ordre du jour
follow-up-owner-text = Responsable (si ce n'est pas une organisation de l'annuaire)
follow-up-due-help = Échéance (2021-06, 2021-11..2021-12, 2022-early, 2021-06-15)

## Suites à donner
board-title = Suivi des décisions
board-open = À faire
board-closed = Terminées ou abandonnées
follow-up-owner = Responsable :
follow-up-due = Échéance :
follow-up-from = Décidé lors de
follow-up-change = Mettre à jour
follow-up-status-open = À faire
follow-up-status-in-progress = En cours
follow-up-status-done = Fait
follow-up-status-dropped = Abandonné

## Feuille de route
roadmap-title = Feuille de route { $year }
roadmap-years = Années
roadmap-axis = Axe
roadmap-carried-by = Mis en œuvre lors de :
work-status-planned = Prévu
work-status-in-progress = En cours
work-status-done = Réalisé
work-status-dropped = Abandonné
period-month = { $month } { $year }
period-months = { $from }–{ $to } { $year }
period-early = début { $year }
period-mid = mi-{ $year }
period-late = fin { $year }
period-year = { $year }

## Erreurs (réunions)
error-unknown-time-zone = Fuseau horaire inconnu (par exemple Europe/Paris ou Asia/Seoul).
error-invalid-time = Heure invalide (format attendu : HH:MM).
error-ambiguous-local-time = Cette heure existe deux fois ce jour-là (passage à l'heure d'hiver) : choisissez une autre heure.
error-nonexistent-local-time = Cette heure n'existe pas ce jour-là (passage à l'heure d'été) : choisissez une autre heure.
error-end-before-start = La fin doit venir après le début.
error-invalid-period = Période invalide (ex. 2021-06, 2021-11..2021-12, 2022-early, 2021).
error-minutes-locked = Le compte-rendu est final : il ne peut plus être modifié, seulement corrigé avec un motif.
error-invalid-transition = Ce changement de statut n'est pas possible.
error-file-too-large = Le fichier est trop volumineux (20 Mo au plus).
error-file-type = Type de fichier refusé, ou contenu qui ne correspond pas à son extension.

## Séminaires
nav-seminars = Séminaires
seminar-list-title = Séminaires
seminar-number = Séminaire
seminar-facilitators = Collectivités animatrices :
seminar-duration = Durée
seminar-programme = Programme
seminar-register = S'inscrire
seminar-registrations = Inscrits
seminar-waitlisted = en liste d'attente :
seminar-status-planned = Prévu (date à fixer)
seminar-status-scheduled = Programmé
seminar-status-held = Tenu
seminar-status-cancelled = Annulé
seminar-format-interactive-remote-workshop = Atelier interactif à distance
registration-confirmed = Votre inscription est enregistrée ; un courriel de confirmation part avec le fichier d'agenda.
registration-waitlisted = Le séminaire est complet : vous êtes sur la liste d'attente et serez prévenu·e si une place se libère.
registration-already = Vous êtes déjà inscrit·e à ce séminaire.
size-small = moins de 100 000 habitants
size-medium = de 100 000 à 999 999 habitants
size-large = 1 000 000 d'habitants et plus
size-unknown = population inconnue

## Consultation
consultation-title = Consultation des collectivités
consultation-demo = Démonstration : ces réponses sont inventées pour montrer le fonctionnement.
consultation-open = Ouvrir la consultation
consultation-opened = La consultation est ouverte.
consultation-is-open = Ouverte
consultation-is-closed = Close
consultation-answered = ont répondu
consultation-answered-on = Réponse
consultation-not-yet = pas encore
consultation-willing = Animation
consultation-ranks = Thèmes classés
consultation-link = Lien personnel
consultation-make-links = Créer les liens personnels
consultation-make-link = Créer un lien
consultation-links-made = Liens personnels créés pour les collectivités qui n'ont pas répondu ; ils ne s'affichent qu'une fois, copiez-les maintenant.
consultation-remind = Relancer par courriel
consultation-reminded = { $count ->
    [0] Aucune relance à envoyer.
    [one] Une relance mise en file d'envoi.
   *[other] { $count } relances mises en file d'envoi.
}
consultation-close = Clore la consultation
consultation-closed = La consultation est close.
consultation-answer-title = Vos thèmes pour les séminaires
consultation-rank-themes = Classez les thèmes qui vous intéressent
consultation-rank-help = 1 = le plus intéressant ; laissez « non intéressé » pour les autres.
consultation-not-interested = non intéressé
consultation-willing-question = Votre collectivité souhaite-t-elle co-animer un séminaire ?
willing-yes = Oui
willing-maybe = Peut-être
willing-no = Non
consultation-availability = Disponibilités (mois, périodes)
consultation-comments = Commentaires
consultation-send = Envoyer la réponse
consultation-thanks = Merci, votre réponse est enregistrée. Vous pouvez la modifier avec ce même lien.

## Composition des séminaires
lineup-title = Collectivités animatrices
lineup-optimal = Composition optimale (prouvée)
lineup-score = Score :
lineup-infeasible = Aucune composition ne respecte toutes les règles avec ces réponses.
lineup-lock = Garder
lineup-release = Libérer
lineup-remove = Retirer
lineup-restore = Rétablir
lineup-removed = Retirées :
lineup-locked-badge = gardée
lineup-why = Pourquoi cette composition
lineup-save = Enregistrer cette composition
lineup-saved = Composition enregistrée.
lineup-solved-again = Composition recalculée.
lineup-chosen = { $name } : { $seminar } est son choix n° { $rank } (+{ $points }).
lineup-locked = { $name } est gardée pour { $seminar } à votre demande.
lineup-twins = { $a } et { $b } sont partenaires et animent ensemble { $seminar } (+{ $points }).
lineup-diverse-levels = { $seminar } : les collectivités de { $country } sont de niveaux différents (+{ $points }).
lineup-same-level = { $seminar } : les collectivités de { $country } sont toutes de niveau « { $level } ».
lineup-diverse-sizes = { $seminar } : les collectivités de { $country } sont de tailles différentes (+{ $points }).
lineup-same-size = { $seminar } : les collectivités de { $country } ont toutes { $size }.
lineup-too-few = { $seminar } demande { $needed } collectivités de { $country }, mais seules { $available } sont candidates.
lineup-lock-conflict = { $seminar } accepte { $allowed } collectivités de { $country }, mais celles-ci sont gardées : { $names }.
lineup-shared-shortage = { $seminars } demandent ensemble { $needed } collectivités de { $country }, mais seules { $available } sont candidates à l'un d'eux.

## Créneaux
slots-title = Trouver un créneau
slots-from = Du
slots-to = Au
slots-hours = Heures ouvrées — { $zone }
slots-holidays-unknown = Jours fériés non connus de la plateforme (seuls les week-ends sont écartés) :
slots-find = Chercher
slots-found = créneaux dans les heures ouvrées des deux pays, hors week-ends et jours fériés
slots-no-overlap = jours ouvrés sans chevauchement assez long :
slots-schedule = Programmer à ce créneau
slots-holidays = Jours fériés écartés

## Courriels
email-date-later = Date à fixer ({ $period }) : vous la recevrez par courriel.
email-registered-subject = Inscription confirmée : { $theme }
email-registered-body =
    Bonjour { $name },

    Votre inscription au séminaire « { $theme } » est confirmée.

    { $when }

    Le fichier d'agenda joint ajoute le séminaire à votre calendrier. Détails : { $url }

    { $access }

    Pour annuler votre inscription : { $manage }

    { $signature }
email-access-link = Lien de connexion : { $link }
email-access-later = Le lien de connexion sera publié sur la page du séminaire.
email-waitlisted-subject = Liste d'attente : { $theme }
email-waitlisted-body =
    Bonjour { $name },

    Le séminaire « { $theme } » est complet : vous êtes sur la liste d'attente. Nous vous écrirons si une place se libère.

    { $when }

    { $url }

    Pour quitter la liste d'attente : { $manage }

    { $signature }
email-reminder-subject = Rappel : consultation sur les thèmes — { $series }
email-reminder-body =
    Bonjour { $name },

    Votre collectivité n'a pas encore indiqué les thèmes qui l'intéressent pour « { $series } ». Répondre prend deux minutes :

    { $url }

    { $signature }
error-duplicate-rank = Deux thèmes ont le même rang : donnez à chacun un rang différent.
error-capacity-reached = Il n'y a plus de place.
error-registration-closed = Les inscriptions sont closes : le séminaire est passé ou annulé.
seminar-invite = Inviter les membres du groupe par courriel
seminar-invited = { $count ->
    [0] Personne à inviter.
    [one] Une invitation mise en file d'envoi.
   *[other] { $count } invitations mises en file d'envoi.
}
email-invitation-subject = Invitation : { $theme }
email-invitation-body =
    Bonjour { $name },

    Vous êtes invité·e au séminaire « { $theme } » de la série « { $series } ».

    { $when }

    Le fichier d'agenda joint ajoute le séminaire à votre calendrier. Inscription et programme : { $url }

    { $signature }
error-solver-time-limit = Le calcul de la composition optimale prend trop de temps : retirez des candidatures ou gardez des collectivités, puis réessayez.
error-unknown-column = Colonne inconnue : le modèle d'import donne les colonnes attendues.
error-missing-column = Colonne manquante : le modèle d'import donne les colonnes attendues.
error-file-unreadable = Fichier illisible : enregistrez-le en CSV UTF-8 ou en XLSX.
import-title = Importer dans l'annuaire
import-collection = Que contient le fichier ?
import-file = Fichier (CSV UTF-8, XLSX ou JSON)
import-check = Vérifier le fichier
import-failed = Rien n'a été importé : corrigez ces lignes puis recommencez.
import-ready = Le fichier est correct ; lignes prêtes :
import-confirm = Importer maintenant
import-done = Import terminé ; enregistrements créés :
import-row = Ligne
import-column = Colonne
import-problem = Problème
import-templates = Modèles de fichier
import-help = Les colonnes sont celles de l'export : un fichier exporté se réimporte tel quel. Les thèmes d'un partenariat se séparent par « | », chacun par son identifiant ou son libellé dans la liste des thèmes (page « Thèmes »). L'import est tout ou rien.
nav-map = Carte
map-title = Carte des partenariats
map-help = Chaque point est le siège d'une organisation ; chaque arc, un partenariat. Les filtres de l'annuaire s'appliquent aussi ici.
map-as-list = Voir en liste
map-desc = La France métropolitaine à gauche et la Corée du Sud à droite ; les partenariats relient des collectivités des deux pays.
map-source = Fonds de carte : Natural Earth (domaine public).
map-partnerships = Partenariats dessinés
map-unplaced = Organisations sans siège connu
export-label = Exporter :
name-ko-latn-suggested = Romanisation suggérée
org-edit-title = Modifier la fiche
org-names = Noms
org-population-year = Année du recensement
org-lat = Latitude du siège
org-lon = Longitude du siège
record-archived = Cette fiche est archivée : elle n'apparaît plus dans les listes.
history-heading = Historique des modifications
history-field = Champ
history-old = Ancienne valeur
history-new = Nouvelle valeur
history-who = Par

## Search
search-title = Rechercher dans le répertoire
search-label = Chercher des collectivités, des personnes, des partenariats et des actions
search-submit = Rechercher
search-count = { $count ->
    [0] Aucun résultat pour « { $query } ».
    [one] Un résultat pour « { $query } ».
   *[other] { $count } résultats pour « { $query } ».
}
search-kind-organisation = Organisation
search-kind-partnership = Partenariat
search-kind-person = Personne
search-kind-action = Action
search-kind-meeting = Réunion
search-kind-seminar = Séminaire
search-kind-series = Série de séminaires
nav-search = Recherche

## Register editing: themes, contacts, actions, documents, timeline, list filters
error-unknown-theme = Thème inconnu : choisissez un thème de la liste gérée par le secrétariat (identifiant ou libellé).
source-themes-as-given = Thèmes tels que la source les formule
partnership-edit-title = Modifier le partenariat
partnership-signed-date = Date de signature
partnership-signed-year = Année de signature
partnership-back = Retour au partenariat
person-name = Nom
person-name-ko = Nom en coréen
person-email = Adresse électronique
person-title-fr = Fonction (français)
person-title-ko = Fonction (coréen)
person-title-en = Fonction (anglais)
person-edit-title = Modifier le contact
person-new-title = Ajouter un contact
action-title-fr = Intitulé (français)
action-title-ko = Intitulé (coréen)
action-title-en = Intitulé (anglais)
action-start-date = Début
action-end-date = Fin
action-date-text = Période en toutes lettres
action-date-text-hint = Si les dates exactes manquent : « depuis 2008 », « chaque printemps ».
action-status-note = État
action-edit-title = Modifier l'action
action-new-title = Ajouter une action
themes-title = Thèmes
themes-intro = Les thèmes classent les partenariats ; le secrétariat les tient à jour en français et en coréen. Le nombre mène aux partenariats du thème.
theme-id = Identifiant
theme-id-hint = Lettres minuscules, chiffres, - et _ ; tiré du libellé français si vide.
theme-label-fr = Libellé français
theme-label-ko = Libellé coréen
theme-label-en = Libellé anglais
theme-position = Rang dans les listes
theme-edit-title = Modifier le thème
theme-new-title = Ajouter un thème
theme-uses = Partenariats
col-actions = Actions
edit = Modifier
archive = Archiver
restore = Restaurer
record-archived-short = archivé
timeline-heading = Historique du statut
timeline-signed = Signature de l'accord
timeline-recorded = Inscrit au registre, statut : { $status }
timeline-status = Statut : { $old } → { $new }
documents-heading = Documents de l'accord
documents-sign-in = Les documents sont réservés aux personnes connectées.
document-title = Titre du document
document-file = Fichier
document-hint = PDF, Word, OpenDocument, PowerPoint, Excel, PNG, JPEG ou texte ; 20 Mo au plus.
document-upload = Joindre le document
filter-year-from = Signé à partir de
filter-year-to = Signé jusqu'en
filter-sort = Trier par
sort-partnerships-year = Année, plus ancien d'abord
sort-partnerships-year-desc = Année, plus récent d'abord
sort-partnerships-updated-desc = Dernière modification
sort-organisations-name = Pays puis nom
sort-organisations-population-desc = Population, la plus grande d'abord
sort-organisations-population = Population, la plus petite d'abord
sort-organisations-updated-desc = Dernière modification
partnerships-on-map = Voir sur la carte

## Audit log
nav-audit = Journal d'audit
audit-title = Journal d'audit
audit-intro = Chaque connexion, refus, archivage, import, export de données personnelles et changement de compte, du plus récent au plus ancien. Le journal ne peut pas être modifié.
audit-event = Événement
audit-all-events = Tous les événements
audit-empty = Aucun événement.
audit-when = Quand
audit-who = Qui
audit-target = Objet
audit-detail = Détail
audit-client = Adresse
audit-older = Événements plus anciens
audit-event-sign-in = Connexion
audit-event-sign-in-failed = Connexion refusée
audit-event-sign-in-throttled = Connexion ralentie
audit-event-refused = Accès refusé
audit-event-archived = Archivage
audit-event-restored = Restauration
audit-event-import = Import
audit-event-export = Export de données personnelles
audit-event-token-created = Jeton créé
audit-event-token-revoked = Jeton révoqué
audit-event-session-revoked = Session fermée
audit-event-user-created = Compte créé
audit-event-user-disabled = Compte désactivé
audit-event-user-enabled = Compte réactivé
audit-event-password-reset = Mot de passe réinitialisé

## Accounts
nav-users = Comptes
account-title = Mon compte
account-sessions = Sessions ouvertes
account-opened = Ouverte le
account-expires = Expire le
account-actions = Actions
account-this-session = cette session
account-close-session = Fermer
account-tokens = Jetons d'API
account-tokens-intro = Un jeton permet à un script d'agir en votre nom (en-tête Authorization: Bearer). Révoquez ceux qui ne servent plus.
account-no-tokens = Aucun jeton.
account-token-name = Nom du jeton
account-last-used = Dernier usage
account-revoked = Révoqué le
account-revoke = Révoquer
account-create-token = Créer un jeton
account-token-shown-once = Voici votre nouveau jeton. Copiez-le maintenant : il ne sera plus affiché.
users-title = Comptes
users-name = Nom
users-roles = Rôles
users-state = État
users-active = Actif
users-disabled = Désactivé le
users-enable = Réactiver
users-disable = Désactiver
reset-title = Mot de passe oublié
reset-intro = Indiquez l'adresse de votre compte : nous y enverrons un lien, valable une heure, pour choisir un nouveau mot de passe.
reset-submit = Envoyer le lien
reset-sent = Si un compte utilise cette adresse, un lien vient d'y être envoyé. Il est valable une heure.
login-forgot = Mot de passe oublié ?
email-reset-subject = Choisir un nouveau mot de passe
email-reset-body = Bonjour { $name },

    Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :
    { $url }

    Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.

# Country groups
group-id = Identifiant du groupe
group-id-hint = En minuscules, sans espace, par exemple « sn » ; il ne change plus ensuite.
group-partner-language = Langue du pays partenaire
group-partner-language-hint = Étiquette BCP 47 : ar, ja, vi, zh, wo…
group-partner-name = Nom dans cette langue
group-country = Pays partenaire
group-time-zones = Fuseaux horaires du pays partenaire
group-time-zones-hint = Noms IANA séparés par des virgules, par exemple Africa/Dakar ou America/New_York, America/Los_Angeles ; Paris est toujours le premier.
group-languages = Langues des contenus
group-languages-hint = Étiquettes BCP 47 séparées par des virgules ; le français en fait toujours partie.
group-hashtags = Mots-dièses
group-about-fr = Présentation en français
group-about-ko = Présentation en coréen
group-about-en = Présentation en anglais
group-new-title = Nouveau groupe-pays
group-edit-title = Réglages du groupe
group-members-title = Membres de { $group }
group-add-member = Ajouter un membre
group-find-organisation = Chercher une collectivité ou une institution par son nom
group-none-found = Aucune organisation du répertoire ne correspond (ou elles sont déjà membres).
group-organisation = Organisation
group-role = Rôle dans le groupe
group-remove-member = Retirer
group-member-added = Membre ajouté.
group-member-removed = Membre retiré ; son historique dans le groupe est conservé.
group-manage-members = Gérer les membres
group-settings = Réglages
email-signature = — { $network }, { $group }
lineup-partial = Aucune composition complète n’existe avec ces réponses : voici celle qui remplit le plus de places, la meilleure parmi elles.
lineup-unfilled = { $seminar } — { $country } : { $missing ->
    [one] une place reste vide
   *[other] { $missing } places restent vides
} ; { $ranked } candidate(s) de ce pays l’ont classé, { $members } collectivité(s) de ce pays dans le groupe.

# Running a series from pages
series-new-title = Nouvelle série de séminaires
series-year = Année
seminar-new-title = Ajouter un séminaire
seminar-edit-title = Modifier le séminaire
seminar-period = Période prévue
seminar-start-date = Date
seminar-start-time = Heure (Paris)
seminar-start-hint = Laisser vide tant que la date n’est pas fixée ; la date et l’heure sont celles de Paris.
seminar-duration-minutes = Durée (minutes)
seminar-capacity = Places (vide : sans limite)
seminar-audience = Public
seminar-status = État
seminar-audience-members = Membres du groupe
seminar-audience-public = Ouvert au public
programme-title = Programme — { $seminar }
programme-total = Durée des présentations :
programme-empty = Aucune présentation pour l’instant.
programme-up = Monter
programme-down = Descendre
programme-remove = Retirer du programme
programme-add = Ajouter une présentation
programme-organisation = Collectivité présentatrice
programme-speaker = Intervenant·e
programme-edit-title = Modifier la présentation
seminar-manage-programme = Programme
series-add-seminar = Ajouter un séminaire
consultation-send-links = Envoyer les liens par courriel
consultation-links-sent = { $messages ->
    [0] Aucun courriel à envoyer
    [one] Un courriel mis en file d’envoi
   *[other] { $messages } courriels mis en file d’envoi
} pour { $organisations } collectivité(s) qui n’ont pas répondu.
consultation-unreachable = { $count } collectivité(s) sans contact avec une adresse de courriel : { $names }.
email-consultation-subject = Vos thèmes pour « { $series } »
email-consultation-body =
    Bonjour { $name },

    { $organisation } est invitée à indiquer les thèmes qui l’intéressent pour « { $series } ». Ce lien personnel ne demande pas de compte (valable 30 jours) :

    { $url }

    { $signature }
error-sign-in = Se connecter pour continuer
nav-follow-ups = Suivis
org-new-title = Nouvelle organisation
user-role-secretariat = Secrétariat
user-role-president = Présidence du groupe
user-role-coordinator = Coordination
user-role-editor = Édition
user-role-observer = Observation

# Invitations to the platform
language-fr = Français
language-ko = Coréen — 한국어
language-en = Anglais — English
invite-title = Inviter une personne
invite-link = Inviter une personne
invite-editor-link = Inviter un rédacteur pour cette organisation
invite-language = Langue de ses messages
invite-group = Groupe-pays
invite-group-hint = Pour la coordination, la présidence et l’observation.
invite-organisation = Organisation
invite-sent = Invitation envoyée à { $email } : le lien pour choisir un mot de passe est valable 7 jours.
invite-role-added = { $email } avait déjà un compte : le nouveau rôle est ajouté et un message l’en informe.
email-account-invitation-subject = Votre accès à la plateforme du réseau
email-account-invitation-body = Bonjour { $name },

    { $inviter } vous invite sur la plateforme du réseau ({ $role }).

    Pour choisir votre mot de passe, ouvrez ce lien (valable 7 jours, une seule fois) :
    { $url }

    { $signature }
email-role-added-subject = Un nouveau rôle sur la plateforme du réseau
email-role-added-body = Bonjour { $name },

    { $inviter } vous a donné un nouveau rôle sur la plateforme : { $role }.

    Connectez-vous ici : { $url }

    { $signature }

# A meeting's invitation by e-mail
meeting-send-title = Envoyer l’invitation par courriel
meeting-send-organisation = Aux contacts d’une organisation du groupe
meeting-send-no-organisation = — aucune —
meeting-send-organisation-hint = Chaque contact de l’organisation qui a une adresse, dans la langue de son pays.
meeting-send-participants = Aux participants
meeting-send-participants-option = Les participants inscrits qui ont une adresse dans l’annuaire
meeting-send-addresses = À ces adresses
meeting-send-addresses-hint = Séparées par des virgules ou une par ligne.
meeting-send-done = { $count ->
        [one] Un courriel mis en file d’envoi, avec le fichier d’agenda : { $addresses }
       *[other] { $count } courriels mis en file d’envoi, avec le fichier d’agenda : { $addresses }
    }
email-meeting-invitation-subject = Invitation : { $title }
email-meeting-invitation-body = Bonjour,

    Vous êtes invité(e) à la réunion « { $title } » ({ $group }).

    Quand : { $when }
    Où : { $place }

    Le fichier joint l’ajoute à votre agenda. Ordre du jour et détails :
    { $url }

    { $signature }

# A registration's own page (the link of the confirmation e-mail)
own-registration-title = Votre inscription
own-registration-theme = Séminaire
own-registration-when = Quand
own-registration-name = Au nom de
own-registration-status = Votre place
own-registration-state-registered = Confirmée
own-registration-state-waitlisted = En liste d’attente
own-registration-state-cancelled = Annulée
own-registration-link = Lien de connexion
own-registration-cancel = Annuler mon inscription
own-registration-cancelled = Votre inscription est annulée ; la place revient à la première personne en liste d’attente.
on-this-page = Sur cette page

# Editing the roadmap
roadmap-edit-title = Modifier la feuille de route { $year }
roadmap-edit-link = Modifier la feuille de route
roadmap-start = Préparer la feuille de route { $year }
roadmap-edit-hint = Les lignes laissées vides n’ajoutent rien ; une case « Retirer » enlève l’élément ; les numéros d’ordre rangent les axes et les actions. La version remplacée reste dans l’historique.
roadmap-summary = Résumé
roadmap-axis-title = Titre de l’axe
roadmap-action = Action
roadmap-action-title = Intitulé de l’action
roadmap-milestone = Étape
roadmap-milestone-title = Intitulé de l’étape
roadmap-new-axis = Nouvel axe
roadmap-new-action = Nouvelle action
roadmap-new-milestone = Nouvelle étape
roadmap-owner = Porteur (organisation du groupe)
roadmap-period = Période
roadmap-order = Ordre
roadmap-remove = Retirer
roadmap-none = Pas encore de feuille de route pour ce groupe.
org-other-lang = Autre langue du nom (code)
org-other-lang-hint = ja, ar, vi, zh, wo… : la langue du pays partenaire
org-other-name = Nom dans cette langue
org-notes-lang = Langue des notes
org-name-in = Nom en { $language }
written-in = (écrit en { $language })
lang-name-fr = français
lang-name-ko = coréen
lang-name-en = anglais
lang-name-ja = japonais
lang-name-zh = chinois
lang-name-vi = vietnamien
lang-name-ar = arabe
lang-name-wo = wolof
lang-name-de = allemand
lang-name-es = espagnol
lang-name-pt = portugais
lang-name-mg = malgache
other-lang = Autre langue (code)
in-other-lang = Dans cette langue
