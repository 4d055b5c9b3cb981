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
country-fr = France
country-kr = Corée

## Niveaux de collectivités
level-commune = Commune
level-intercommunality = Intercommunalité
level-department = Département
level-region = Région
level-special-city = Ville spéciale (특별시)
level-metropolitan-city = Ville métropolitaine (광역시)
level-special-self-governing-city = Ville spéciale autonome (특별자치시)
level-province = Province (도)
level-special-self-governing-province = Province spéciale autonome (특별자치도)
level-city = Ville (시)
level-county = Canton (군)
level-autonomous-district = Arrondissement autonome (자치구)

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
group-role-partner = Partenaire coréen
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
error-status = Code d'erreur :
error-back-home = Revenir à l'accueil
error-not-found = Ce que vous cherchez n'existe pas ou n'existe plus.
error-forbidden = Vous n'avez pas le droit de faire cette action.
error-unauthenticated = Connectez-vous pour faire cette action.
error-required = Ce champ est obligatoire.
error-too-long = Ce texte est trop long.
error-invalid-country = Code de pays inconnu : utilisez un code ISO à deux lettres (FR, KR…).
error-invalid-level = Niveau de collectivité inconnu.
error-level-country-mismatch = Ce niveau n'existe pas dans le système de ce pays.
error-invalid-kind = Nature inconnue.
error-invalid-status = Statut inconnu.
error-invalid-number = Nombre invalide ou hors limites.
error-invalid-date = Date invalide (format attendu : AAAA-MM-JJ).
error-invalid-coordinates = Coordonnées invalides (latitude entre -90 et 90, longitude entre -180 et 180).
error-invalid-url = Adresse web invalide : elle doit commencer par http:// ou https://.
error-invalid-email = Adresse électronique invalide.
error-self-partnership = Une organisation ne peut pas être partenaire d'elle-même.
error-unknown-organisation = Organisation inconnue.
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
