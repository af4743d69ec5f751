// The report page's own words, by section, in French and English (keys such as page.title).
#include "report/translation_entries.hpp"

namespace parcours::report {

namespace {

// A built-in array, not std::array's deduction guide: clang refuses a guide's fold expression
// over more than 256 entries.
constexpr TranslationEntry kEntries[] = {
    // The page.
    TranslationEntry{"page.title", "Rapport de simulation", "Simulation report"},
    TranslationEntry{"page.scenario", "Scénario", "Scenario"},
    TranslationEntry{"page.seed", "Graine", "Seed"},
    TranslationEntry{"page.replications", "Réplications", "Replications"},
    TranslationEntry{"page.version", "Version de parcours", "parcours version"},
    TranslationEntry{"page.folder", "Dossier de résultats", "Result folder"},
    TranslationEntry{"page.generated", "Produit le", "Generated on"},
    TranslationEntry{"page.contents", "Sections", "Sections"},
    TranslationEntry{"page.no_script",
                     "Les figures demandent JavaScript; les tableaux se lisent sans.",
                     "The figures need JavaScript; the tables can be read without it."},
    TranslationEntry{
        "page.footer",
        "Produit par « parcours report » à partir des fichiers CSV du dossier. Moyennes sur "
        "les réplications; intervalles de confiance à 95 % (t de Student).",
        "Made by `parcours report` from the folder's CSV files. Means over replications; "
        "95 % confidence intervals (Student t)."},
    TranslationEntry{"common.mean", "Moyenne", "Mean"},
    TranslationEntry{"common.ci95", "IC 95 %", "95 % CI"},
    TranslationEntry{"common.ci95_band", "IC 95 %", "95 % CI"},
    TranslationEntry{"common.indicator", "Indicateur", "Indicator"},
    TranslationEntry{"common.fiscal_year", "Exercice financier", "Fiscal year"},
    TranslationEntry{"common.period", "Période", "Period"},
    TranslationEntry{"common.period_is", "Période : ", "Period: "},
    TranslationEntry{"common.total", "Toute la période simulée", "Whole simulated period"},
    TranslationEntry{"common.group_by", "Regrouper par", "Group by"},
    TranslationEntry{"common.show", "Afficher", "Show"},
    TranslationEntry{"common.quarter_prefix", "T", "Q"},
    TranslationEntry{"common.missing", "—", "—"},
    // Group dimensions and groups.
    TranslationEntry{"dimension.all", "Toute la clientèle", "All clients"},
    TranslationEntry{"dimension.region", "Région", "Region"},
    TranslationEntry{"dimension.income_support", "Soutien du revenu", "Income support"},
    TranslationEntry{"dimension.distance", "Distance du marché du travail",
                     "Distance from the labour market"},
    TranslationEntry{"group.all", "Ensemble", "All"},
    TranslationEntry{"group.afdr", "Aide financière de dernier recours", "Last-resort assistance"},
    TranslationEntry{"group.ei", "Assurance-emploi", "Employment insurance"},
    TranslationEntry{"group.none", "Sans soutien du revenu", "No income support"},
    TranslationEntry{"group.0-2", "0 à 2 caractéristiques limitatives",
                     "0 to 2 limiting characteristics"},
    TranslationEntry{"group.3+", "3 caractéristiques limitatives et plus",
                     "3 or more limiting characteristics"},
    // The pathway flow.
    TranslationEntry{"flow.title", "Le parcours de la clientèle", "The clients' pathway"},
    TranslationEntry{
        "flow.intro",
        "Des arrivées aux fins de Parcours : moyenne sur les réplications du nombre de "
        "clients, d'entrevues ou de Parcours à chaque étape. Les conclusions suivent les "
        "entrevues et les évaluations spécialisées; « encore actifs » est le stock à la fin "
        "de la période.",
        "From arrivals to the end of the Parcours: the mean over replications of the clients, "
        "interviews or Parcours at each stage. Conclusions follow interviews and specialised "
        "evaluations; \"still active\" is the stock at the end of the period."},
    TranslationEntry{"flow.stage.arrivals", "Arrivées", "Arrivals"},
    TranslationEntry{"flow.stage.interviews", "Entrevues d'évaluation", "Evaluation interviews"},
    TranslationEntry{"flow.stage.conclusions", "Conclusions et refus", "Conclusions and refusals"},
    TranslationEntry{"flow.stage.parcours", "Parcours commencés", "Parcours started"},
    TranslationEntry{"flow.stage.endings", "Fins de Parcours", "End of the Parcours"},
    TranslationEntry{"flow.stage", "Étape", "Stage"},
    TranslationEntry{"flow.count", "Nombre", "Count"},
    TranslationEntry{"flow.share", "Part, toute la période", "Share, whole period"},
    TranslationEntry{"flow.share_of", "des", "of"},
    TranslationEntry{"flow.still_active", "Encore actifs", "Still active"},
    // Quarterly indicators.
    TranslationEntry{"quarterly.title", "Indicateurs trimestriels", "Quarterly indicators"},
    TranslationEntry{
        "quarterly.intro",
        "Moyenne sur les réplications par trimestre financier (T1 : avril à juin), avec la "
        "bande de confiance à 95 %.",
        "Mean over replications by fiscal quarter (Q1: April to June), with the 95 % "
        "confidence band."},
    // Yearly table.
    TranslationEntry{"yearly.title", "Indicateurs annuels", "Yearly indicators"},
    TranslationEntry{
        "yearly.intro",
        "Toute la clientèle, par exercice financier (1er avril au 31 mars) : moyenne et "
        "intervalle de confiance à 95 %.",
        "All clients, by fiscal year (1 April to 31 March): mean and 95 % confidence "
        "interval."},
    // Costs.
    TranslationEntry{"costs.title", "Coûts des ententes", "Agreement costs"},
    TranslationEntry{
        "costs.intro",
        "Coût moyen par période et par entente selon son propre mode de financement, et ce "
        "qu'aurait coûté chaque entente à prix fixe et aux coûts réels.",
        "Mean cost by period and agreement under its own funding mode, and what each "
        "agreement would have cost at a fixed price and at actual costs."},
    TranslationEntry{"costs.by_period", "Coût par période et par entente ($)",
                     "Cost by period and agreement ($)"},
    TranslationEntry{"costs.by_mode", "Comparaison des modes de financement, toute la période ($)",
                     "Funding modes compared, whole period ($)"},
    TranslationEntry{"costs.agreement", "Entente", "Agreement"},
    TranslationEntry{"costs.organisation", "Organisme", "Organisation"},
    TranslationEntry{"costs.service", "Service", "Service"},
    TranslationEntry{"costs.region", "Région", "Region"},
    TranslationEntry{"costs.funding_mode", "Mode de financement", "Funding mode"},
    TranslationEntry{"period_kind.fiscal_year", "exercice financier", "fiscal year"},
    TranslationEntry{"period_kind.agreement_year", "année d'entente (juillet à juin)",
                     "agreement year (July to June)"},
    TranslationEntry{"funding_mode.fixed_price", "Prix fixe", "Fixed price"},
    TranslationEntry{"funding_mode.actual_costs", "Coûts réels", "Actual costs"},
    // Retention.
    TranslationEntry{"retention.title", "Maintien en emploi", "Job retention"},
    TranslationEntry{
        "retention.intro",
        "Indicateurs de maintien en emploi par entente et par groupe (ensemble des niveaux) : "
        "moyenne et intervalle de confiance à 95 %.",
        "Job-retention indicators by agreement and group (all levels): mean and 95 % "
        "confidence interval."},
    TranslationEntry{"retention.group", "Groupe", "Group"},
    // Comparison.
    TranslationEntry{"comparison.title", "Comparaison de deux scénarios",
                     "Comparison of two scenarios"},
    TranslationEntry{
        "comparison.intro",
        "Différences appariées B − A (mêmes nombres aléatoires réplication par réplication), "
        "toute la clientèle, avec leur intervalle de confiance à 95 %. Une différence dont "
        "l'intervalle exclut 0 est marquée ●. La figure montre la différence en % de la "
        "moyenne de A.",
        "Paired differences B − A (the same random numbers replication by replication), all "
        "clients, with their 95 % confidence interval. A difference whose interval excludes "
        "0 is marked ●. The figure shows the difference as a % of A's mean."},
    TranslationEntry{"comparison.scenarios", "Scénarios : ", "Scenarios: "},
    TranslationEntry{"comparison.mean_a", "Moyenne A", "Mean A"},
    TranslationEntry{"comparison.mean_b", "Moyenne B", "Mean B"},
    TranslationEntry{"comparison.diff", "Différence B − A", "Difference B − A"},
    TranslationEntry{"comparison.relative", "Différence en % de A", "Difference as % of A"},
    TranslationEntry{"comparison.clear", "Intervalle sans 0", "Interval excludes 0"},
    // Sizing.
    TranslationEntry{"sizing.title", "Dimensionnement des ententes", "Agreement sizing"},
    TranslationEntry{
        "sizing.intro",
        "Médiane (P50) et 90e centile (P90) sur les réplications : prévoir le P90 couvre la "
        "demande neuf fois sur dix.",
        "Median (P50) and 90th percentile (P90) over replications: planning for P90 covers "
        "demand nine times out of ten."},
    TranslationEntry{"sizing.agreement_year", "Année d'entente", "Agreement year"},
    TranslationEntry{"sizing.level", "Niveau", "Level"},
    TranslationEntry{
        "sizing.levels_note",
        "Les P90 des niveaux ne s'additionnent pas pour donner le P90 de « Tous » : chacun est "
        "le 90e centile de son propre niveau sur les réplications, et les niveaux ne sont pas "
        "tous hauts dans la même réplication. Leur somme dépasse le P90 du total : budgéter le "
        "total au P90 de « Tous ».",
        "The levels' P90s do not add up to the P90 of \"All\": each is the 90th percentile "
        "of its own level over the replications, and the levels are not all high in the same "
        "replication. Their sum exceeds the total's P90: budget the total at the P90 of "
        "\"All\"."},
    TranslationEntry{"sizing.places_title", "Places pour une attente", "Places for a wait"},
    TranslationEntry{
        "sizing.places_intro",
        "Chaque nombre de places essayé, sur les mêmes clients (nombres aléatoires communs) : "
        "part des clients servis dans le délai, avec son intervalle de confiance à 95 % sur "
        "les réplications, plus nombreuses là où la cible tombe dans l'intervalle.",
        "Every number of places tried, on the same clients (common random numbers): the "
        "share of clients served within the wait, with its 95 % confidence interval over "
        "replications, more of them where the target falls inside the interval."},
    TranslationEntry{"sizing.answer_prefix", "Le moins de places servant", "Fewest places serving"},
    TranslationEntry{"sizing.answer_within", "en", "within"},
    TranslationEntry{"sizing.days", "jours", "days"},
    TranslationEntry{"sizing.between", "entre", "between"},
    TranslationEntry{"sizing.and", "et", "and"},
    TranslationEntry{"sizing.noise", "selon le bruit des réplications",
                     "given the replications' noise"},
    TranslationEntry{"sizing.unreached", "aucun nombre de places essayé",
                     "no number of places tried"},
    TranslationEntry{"sizing.slots", "Places", "Places"},
    TranslationEntry{"sizing.served_within", "Servis dans le délai", "Served within the wait"},
    TranslationEntry{"sizing.clients", "Clients demandeurs", "Clients asking"},
    TranslationEntry{"sizing.meets_target", "Cible atteinte", "Target met"},
    TranslationEntry{"common.yes", "oui", "yes"},
    TranslationEntry{"common.no", "non", "no"},
    TranslationEntry{"level.all", "Tous", "All"},
    // Published vs simulated (validation.csv, issue 12).
    TranslationEntry{"validation.title", "Chiffres publiés et simulés", "Published vs simulated"},
    TranslationEntry{
        "validation.intro",
        "Chaque cible est un chiffre publié avec sa source et une tolérance. La moyenne "
        "simulée (intervalle de confiance à 95 % sur les réplications) est dans la tolérance "
        "si elle tombe dans la plage acceptée (●), sinon ✗. La figure montre la moyenne "
        "simulée en % du chiffre publié (100 = égal).",
        "Each target is a published figure with its source and a tolerance. The simulated "
        "mean (95 % confidence interval over replications) is within tolerance when it falls "
        "in the accepted range (●), otherwise ✗. The figure shows the simulated mean as a % "
        "of the published figure (100 = equal)."},
    TranslationEntry{"validation.score",
                     "Cibles dans la tolérance : ", "Targets within tolerance: "},
    TranslationEntry{"validation.target", "Cible", "Target"},
    TranslationEntry{"validation.group", "Groupe", "Group"},
    TranslationEntry{"validation.all_clients", "Toute la clientèle", "All clients"},
    TranslationEntry{"validation.published", "Publié", "Published"},
    TranslationEntry{"validation.accepted", "Plage acceptée", "Accepted range"},
    TranslationEntry{"validation.simulated", "Simulé [IC 95 %]", "Simulated [95 % CI]"},
    TranslationEntry{"validation.within", "Dans la tolérance", "Within tolerance"},
    TranslationEntry{"validation.source", "Source", "Source"},
    TranslationEntry{"validation.relative", "Simulé en % du publié", "Simulated as % of published"},
    // Probabilistic sensitivity analysis (uncertainty_ranking.csv, issue 15).
    TranslationEntry{"uncertainty.title", "Paramètres incertains : ce qui explique la variance",
                     "Uncertain parameters: what explains the variance"},
    TranslationEntry{
        "uncertainty.intro",
        "Chaque réplication a tiré sa propre valeur de chaque paramètre incertain du "
        "scénario. Pour chaque indicateur, la part de sa variance entre réplications que "
        "chaque paramètre explique (coefficient de régression standardisé au carré), la "
        "corrélation partielle des rangs et la part expliquée par tous les paramètres "
        "ensemble (R²) ; le reste est le bruit propre à la simulation. Indicateurs dont les "
        "paramètres expliquent au moins 10 % de la variance, exercice",
        "Each replication drew its own value of every uncertain parameter of the scenario. "
        "For each indicator, the share of its variance across replications each parameter "
        "explains (squared standardised regression coefficient), the partial rank "
        "correlation, and the share all the parameters explain together (R²); the rest is "
        "the simulation's own noise. Indicators whose variance the parameters explain at "
        "least 10 % of, fiscal year"},
    TranslationEntry{"uncertainty.replications", "réplications", "replications"},
    TranslationEntry{"uncertainty.indicator", "Indicateur", "Indicator"},
    TranslationEntry{"uncertainty.rank", "Rang", "Rank"},
    TranslationEntry{"uncertainty.parameter", "Paramètre", "Parameter"},
    TranslationEntry{"uncertainty.share", "Part de la variance", "Share of the variance"},
    TranslationEntry{"uncertainty.prcc", "Corrélation partielle des rangs",
                     "Partial rank correlation"},
    TranslationEntry{"uncertainty.r_squared", "R² (tous les paramètres)", "R² (all parameters)"},
    TranslationEntry{
        "uncertainty.none",
        "Les paramètres incertains expliquent moins de 10 % de la variance de chaque "
        "indicateur : le bruit de la simulation domine.",
        "The uncertain parameters explain less than 10 % of every indicator's variance: the "
        "simulation's own noise dominates."},
    // Client journeys (trace.csv, issue 15).
    TranslationEntry{"journey.title", "Parcours de quelques clients", "A few client journeys"},
    TranslationEntry{
        "journey.intro",
        "Quelques clients suivis dans la première réplication (parcours run --trace), de "
        "leur arrivée à la fin de leur parcours : chaque événement, chaque décision prise "
        "à leur sujet avec ce que la règle a répondu, et ce qui a été compté pour eux.",
        "A few clients followed in the first replication (parcours run --trace), from their "
        "arrival to how their journey ended: every event, every decision taken about them "
        "with what the rule answered, and what was counted for them."},
    TranslationEntry{"journey.client", "Client n° ", "Client no. "},
    TranslationEntry{"journey.date", "Date", "Date"},
    TranslationEntry{"journey.stage", "Étape", "Stage"},
    TranslationEntry{"journey.what", "Ce qui arrive", "What happens"},
    TranslationEntry{"journey.agreement", "Entente", "Agreement"},
    TranslationEntry{"journey.hours", "Heures données", "Hours given"},
    TranslationEntry{"journey.left_after", "Sortie après : ", "Left after: "},
    TranslationEntry{"journey.ending.in_system_at_horizon",
                     "Encore en service à la fin de la simulation",
                     "Still in the system at the end of the simulation"},
    TranslationEntry{"journey.hook.policy.conclusion", "Conclusion de l'évaluation",
                     "Conclusion of the evaluation"},
    TranslationEntry{"journey.hook.policy.plan", "Plan d'intervention", "Intervention plan"},
    TranslationEntry{"journey.hook.policy.dropout_after", "Abandon après l'activité",
                     "Dropout after the activity"},
    TranslationEntry{"journey.hook.policy.retention", "Maintien en emploi", "Job retention"},
    TranslationEntry{"journey.hook.policy.dropout_multiplier", "Multiplicateur d'abandon",
                     "Dropout multiplier"},
    TranslationEntry{"journey.hook.policy.job_multiplier", "Multiplicateur d'emploi",
                     "Job multiplier"},
    TranslationEntry{"journey.stage.arriving", "Arrivée", "Arriving"},
    TranslationEntry{"journey.stage.waiting_interview", "En attente d'entrevue",
                     "Waiting for an interview"},
    TranslationEntry{"journey.stage.in_interview", "En entrevue", "In an interview"},
    TranslationEntry{"journey.stage.specialised_evaluation", "Évaluation spécialisée",
                     "Specialised evaluation"},
    TranslationEntry{"journey.stage.referred_out", "Orienté ailleurs", "Referred out"},
    TranslationEntry{"journey.stage.awaiting_activity", "En attente d'activité",
                     "Awaiting an activity"},
    TranslationEntry{"journey.stage.in_activity", "En activité", "In an activity"},
    TranslationEntry{"journey.stage.job_search", "En recherche d'emploi", "Searching for a job"},
    TranslationEntry{"journey.stage.retention", "En maintien en emploi", "In job retention"},
    TranslationEntry{"journey.stage.employed", "En emploi", "Employed"},
    TranslationEntry{"journey.stage.left", "Sorti", "Left"},
    TranslationEntry{"journey.event.arrival", "Arrivée", "Arrival"},
    TranslationEntry{"journey.event.agent_granted", "Un agent le reçoit", "An agent receives them"},
    TranslationEntry{"journey.event.interview_end", "Fin de l'entrevue", "Interview ends"},
    TranslationEntry{"journey.event.specialist_granted", "Un évaluateur spécialisé le reçoit",
                     "A specialised evaluator receives them"},
    TranslationEntry{"journey.event.specialised_evaluation_end", "Fin de l'évaluation spécialisée",
                     "Specialised evaluation ends"},
    TranslationEntry{"journey.event.referred_return", "Retour après orientation",
                     "Returns after a referral"},
    TranslationEntry{"journey.event.activity_start", "Début prévu de l'activité",
                     "Planned start of the activity"},
    TranslationEntry{"journey.event.activity_end", "Fin de l'activité", "Activity ends"},
    TranslationEntry{"journey.event.dropout", "Abandon", "Dropout"},
    TranslationEntry{"journey.event.closure", "Fermeture du dossier", "File closed"},
    TranslationEntry{"journey.event.job_found", "Emploi trouvé", "Job found"},
    TranslationEntry{"journey.event.retention_phase_end", "Fin d'une phase du maintien",
                     "A retention phase ends"},
    TranslationEntry{"journey.event.retention_contact", "Contact de maintien", "Retention contact"},
    TranslationEntry{"journey.event.retention_end", "Fin du maintien", "Retention ends"},
    TranslationEntry{"journey.event.retention_client_stop", "Le client cesse le maintien",
                     "The client stops retention"},
    TranslationEntry{"journey.event.retention_late_start", "Début tardif du maintien",
                     "Late start of retention"},
    TranslationEntry{"journey.event.retention_referral", "Orientation vers un partenaire",
                     "Referral to a partner"},
    TranslationEntry{"journey.event.job_loss", "Perte d'emploi", "Job lost"},
    TranslationEntry{"journey.event.job_followup_end", "Fin du suivi en emploi",
                     "Job follow-up ends"},
    TranslationEntry{"journey.event.accompaniment_contact", "Contact d'accompagnement",
                     "Accompaniment contact"},
    TranslationEntry{"journey.event.contact_agent_granted", "Un agent fait le contact",
                     "An agent makes the contact"},
    TranslationEntry{"journey.event.contact_end", "Fin du contact", "Contact ends"},
    TranslationEntry{"journey.event.ose_place_granted", "Place obtenue chez l'organisme",
                     "Place granted by the organisation"},
    TranslationEntry{"journey.event.waitlist_dropout", "Quitte la liste d'attente",
                     "Leaves the waitlist"},
};

}  // namespace

std::span<const TranslationEntry> text_entries() { return kEntries; }

}  // namespace parcours::report
