#include "report/translations.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "io/input_error.hpp"

namespace parcours::report {

namespace {

struct Entry {
  std::string_view key;
  std::string_view fr;
  std::string_view en;
};

// Indicator names follow docs/outputs.md (and the lead's agreement and retention tables);
// text keys are grouped by report section. A built-in array, not std::array's deduction guide:
// clang refuses a guide's fold expression over more than 256 entries.
constexpr Entry kEntries[] = {
    // The page.
    Entry{"page.title", "Rapport de simulation", "Simulation report"},
    Entry{"page.scenario", "Scénario", "Scenario"},
    Entry{"page.seed", "Graine", "Seed"},
    Entry{"page.replications", "Réplications", "Replications"},
    Entry{"page.version", "Version de parcours", "parcours version"},
    Entry{"page.folder", "Dossier de résultats", "Result folder"},
    Entry{"page.generated", "Produit le", "Generated on"},
    Entry{"page.contents", "Sections", "Sections"},
    Entry{"page.no_script", "Les figures demandent JavaScript; les tableaux se lisent sans.",
          "The figures need JavaScript; the tables can be read without it."},
    Entry{"page.footer",
          "Produit par « parcours report » à partir des fichiers CSV du dossier. Moyennes sur "
          "les réplications; intervalles de confiance à 95 % (t de Student).",
          "Made by `parcours report` from the folder's CSV files. Means over replications; "
          "95 % confidence intervals (Student t)."},
    Entry{"common.mean", "Moyenne", "Mean"},
    Entry{"common.ci95", "IC 95 %", "95 % CI"},
    Entry{"common.ci95_band", "IC 95 %", "95 % CI"},
    Entry{"common.indicator", "Indicateur", "Indicator"},
    Entry{"common.fiscal_year", "Exercice financier", "Fiscal year"},
    Entry{"common.period", "Période", "Period"},
    Entry{"common.period_is", "Période : ", "Period: "},
    Entry{"common.total", "Toute la période simulée", "Whole simulated period"},
    Entry{"common.group_by", "Regrouper par", "Group by"},
    Entry{"common.show", "Afficher", "Show"},
    Entry{"common.quarter_prefix", "T", "Q"},
    Entry{"common.missing", "—", "—"},
    // Group dimensions and groups.
    Entry{"dimension.all", "Toute la clientèle", "All clients"},
    Entry{"dimension.region", "Région", "Region"},
    Entry{"dimension.income_support", "Soutien du revenu", "Income support"},
    Entry{"dimension.distance", "Distance du marché du travail", "Distance from the labour market"},
    Entry{"group.all", "Ensemble", "All"},
    Entry{"group.afdr", "Aide financière de dernier recours", "Last-resort assistance"},
    Entry{"group.ei", "Assurance-emploi", "Employment insurance"},
    Entry{"group.none", "Sans soutien du revenu", "No income support"},
    Entry{"group.0-2", "0 à 2 caractéristiques limitatives", "0 to 2 limiting characteristics"},
    Entry{"group.3+", "3 caractéristiques limitatives et plus",
          "3 or more limiting characteristics"},
    // The pathway flow.
    Entry{"flow.title", "Le parcours de la clientèle", "The clients' pathway"},
    Entry{"flow.intro",
          "Des arrivées aux fins de Parcours : moyenne sur les réplications du nombre de "
          "clients, d'entrevues ou de Parcours à chaque étape. Les conclusions suivent les "
          "entrevues et les évaluations spécialisées; « encore actifs » est le stock à la fin "
          "de la période.",
          "From arrivals to the end of the Parcours: the mean over replications of the clients, "
          "interviews or Parcours at each stage. Conclusions follow interviews and specialised "
          "evaluations; \"still active\" is the stock at the end of the period."},
    Entry{"flow.stage.arrivals", "Arrivées", "Arrivals"},
    Entry{"flow.stage.interviews", "Entrevues d'évaluation", "Evaluation interviews"},
    Entry{"flow.stage.conclusions", "Conclusions et refus", "Conclusions and refusals"},
    Entry{"flow.stage.parcours", "Parcours commencés", "Parcours started"},
    Entry{"flow.stage.endings", "Fins de Parcours", "End of the Parcours"},
    Entry{"flow.stage", "Étape", "Stage"},
    Entry{"flow.count", "Nombre", "Count"},
    Entry{"flow.share", "Part, toute la période", "Share, whole period"},
    Entry{"flow.share_of", "des", "of"},
    Entry{"flow.still_active", "Encore actifs", "Still active"},
    // Quarterly indicators.
    Entry{"quarterly.title", "Indicateurs trimestriels", "Quarterly indicators"},
    Entry{"quarterly.intro",
          "Moyenne sur les réplications par trimestre financier (T1 : avril à juin), avec la "
          "bande de confiance à 95 %.",
          "Mean over replications by fiscal quarter (Q1: April to June), with the 95 % "
          "confidence band."},
    // Yearly table.
    Entry{"yearly.title", "Indicateurs annuels", "Yearly indicators"},
    Entry{"yearly.intro",
          "Toute la clientèle, par exercice financier (1er avril au 31 mars) : moyenne et "
          "intervalle de confiance à 95 %.",
          "All clients, by fiscal year (1 April to 31 March): mean and 95 % confidence "
          "interval."},
    // Costs.
    Entry{"costs.title", "Coûts des ententes", "Agreement costs"},
    Entry{"costs.intro",
          "Coût moyen par période et par entente selon son propre mode de financement, et ce "
          "qu'aurait coûté chaque entente à prix fixe et aux coûts réels.",
          "Mean cost by period and agreement under its own funding mode, and what each "
          "agreement would have cost at a fixed price and at actual costs."},
    Entry{"costs.by_period", "Coût par période et par entente ($)",
          "Cost by period and agreement ($)"},
    Entry{"costs.by_mode", "Comparaison des modes de financement, toute la période ($)",
          "Funding modes compared, whole period ($)"},
    Entry{"costs.agreement", "Entente", "Agreement"},
    Entry{"costs.organisation", "Organisme", "Organisation"},
    Entry{"costs.service", "Service", "Service"},
    Entry{"costs.region", "Région", "Region"},
    Entry{"costs.funding_mode", "Mode de financement", "Funding mode"},
    Entry{"period_kind.fiscal_year", "exercice financier", "fiscal year"},
    Entry{"period_kind.agreement_year", "année d'entente (juillet à juin)",
          "agreement year (July to June)"},
    Entry{"funding_mode.fixed_price", "Prix fixe", "Fixed price"},
    Entry{"funding_mode.actual_costs", "Coûts réels", "Actual costs"},
    // Retention.
    Entry{"retention.title", "Maintien en emploi", "Job retention"},
    Entry{"retention.intro",
          "Indicateurs de maintien en emploi par entente et par groupe (ensemble des niveaux) : "
          "moyenne et intervalle de confiance à 95 %.",
          "Job-retention indicators by agreement and group (all levels): mean and 95 % "
          "confidence interval."},
    Entry{"retention.group", "Groupe", "Group"},
    // Comparison.
    Entry{"comparison.title", "Comparaison de deux scénarios", "Comparison of two scenarios"},
    Entry{"comparison.intro",
          "Différences appariées B − A (mêmes nombres aléatoires réplication par réplication), "
          "toute la clientèle, avec leur intervalle de confiance à 95 %. Une différence dont "
          "l'intervalle exclut 0 est marquée ●. La figure montre la différence en % de la "
          "moyenne de A.",
          "Paired differences B − A (the same random numbers replication by replication), all "
          "clients, with their 95 % confidence interval. A difference whose interval excludes "
          "0 is marked ●. The figure shows the difference as a % of A's mean."},
    Entry{"comparison.scenarios", "Scénarios : ", "Scenarios: "},
    Entry{"comparison.mean_a", "Moyenne A", "Mean A"},
    Entry{"comparison.mean_b", "Moyenne B", "Mean B"},
    Entry{"comparison.diff", "Différence B − A", "Difference B − A"},
    Entry{"comparison.relative", "Différence en % de A", "Difference as % of A"},
    Entry{"comparison.clear", "Intervalle sans 0", "Interval excludes 0"},
    // Sizing.
    Entry{"sizing.title", "Dimensionnement des ententes", "Agreement sizing"},
    Entry{"sizing.intro",
          "Médiane (P50) et 90e centile (P90) sur les réplications : prévoir le P90 couvre la "
          "demande neuf fois sur dix.",
          "Median (P50) and 90th percentile (P90) over replications: planning for P90 covers "
          "demand nine times out of ten."},
    Entry{"sizing.agreement_year", "Année d'entente", "Agreement year"},
    Entry{"sizing.level", "Niveau", "Level"},
    Entry{"sizing.levels_note",
          "Les P90 des niveaux ne s'additionnent pas pour donner le P90 de « Tous » : chacun est "
          "le 90e centile de son propre niveau sur les réplications, et les niveaux ne sont pas "
          "tous hauts dans la même réplication. Leur somme dépasse le P90 du total : budgéter le "
          "total au P90 de « Tous ».",
          "The levels' P90s do not add up to the P90 of \"All\": each is the 90th percentile "
          "of its own level over the replications, and the levels are not all high in the same "
          "replication. Their sum exceeds the total's P90: budget the total at the P90 of "
          "\"All\"."},
    Entry{"sizing.places_title", "Places pour une attente", "Places for a wait"},
    Entry{"sizing.places_intro",
          "Chaque nombre de places essayé, sur les mêmes clients (nombres aléatoires communs) : "
          "part des clients servis dans le délai, avec son intervalle de confiance à 95 % sur "
          "les réplications, plus nombreuses là où la cible tombe dans l'intervalle.",
          "Every number of places tried, on the same clients (common random numbers): the "
          "share of clients served within the wait, with its 95 % confidence interval over "
          "replications, more of them where the target falls inside the interval."},
    Entry{"sizing.answer_prefix", "Le moins de places servant", "Fewest places serving"},
    Entry{"sizing.answer_within", "en", "within"},
    Entry{"sizing.days", "jours", "days"},
    Entry{"sizing.between", "entre", "between"},
    Entry{"sizing.and", "et", "and"},
    Entry{"sizing.noise", "selon le bruit des réplications", "given the replications' noise"},
    Entry{"sizing.unreached", "aucun nombre de places essayé", "no number of places tried"},
    Entry{"sizing.slots", "Places", "Places"},
    Entry{"sizing.served_within", "Servis dans le délai", "Served within the wait"},
    Entry{"sizing.clients", "Clients demandeurs", "Clients asking"},
    Entry{"sizing.meets_target", "Cible atteinte", "Target met"},
    Entry{"common.yes", "oui", "yes"},
    Entry{"common.no", "non", "no"},
    Entry{"level.all", "Tous", "All"},
    // Published vs simulated (validation.csv, issue 12).
    Entry{"validation.title", "Chiffres publiés et simulés", "Published vs simulated"},
    Entry{"validation.intro",
          "Chaque cible est un chiffre publié avec sa source et une tolérance. La moyenne "
          "simulée (intervalle de confiance à 95 % sur les réplications) est dans la tolérance "
          "si elle tombe dans la plage acceptée (●), sinon ✗. La figure montre la moyenne "
          "simulée en % du chiffre publié (100 = égal).",
          "Each target is a published figure with its source and a tolerance. The simulated "
          "mean (95 % confidence interval over replications) is within tolerance when it falls "
          "in the accepted range (●), otherwise ✗. The figure shows the simulated mean as a % "
          "of the published figure (100 = equal)."},
    Entry{"validation.score", "Cibles dans la tolérance : ", "Targets within tolerance: "},
    Entry{"validation.target", "Cible", "Target"},
    Entry{"validation.group", "Groupe", "Group"},
    Entry{"validation.all_clients", "Toute la clientèle", "All clients"},
    Entry{"validation.published", "Publié", "Published"},
    Entry{"validation.accepted", "Plage acceptée", "Accepted range"},
    Entry{"validation.simulated", "Simulé [IC 95 %]", "Simulated [95 % CI]"},
    Entry{"validation.within", "Dans la tolérance", "Within tolerance"},
    Entry{"validation.source", "Source", "Source"},
    Entry{"validation.relative", "Simulé en % du publié", "Simulated as % of published"},
    // Probabilistic sensitivity analysis (uncertainty_ranking.csv, issue 15).
    Entry{"uncertainty.title", "Paramètres incertains : ce qui explique la variance",
          "Uncertain parameters: what explains the variance"},
    Entry{"uncertainty.intro",
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
    Entry{"uncertainty.replications", "réplications", "replications"},
    Entry{"uncertainty.indicator", "Indicateur", "Indicator"},
    Entry{"uncertainty.rank", "Rang", "Rank"},
    Entry{"uncertainty.parameter", "Paramètre", "Parameter"},
    Entry{"uncertainty.share", "Part de la variance", "Share of the variance"},
    Entry{"uncertainty.prcc", "Corrélation partielle des rangs", "Partial rank correlation"},
    Entry{"uncertainty.r_squared", "R² (tous les paramètres)", "R² (all parameters)"},
    Entry{"uncertainty.none",
          "Les paramètres incertains expliquent moins de 10 % de la variance de chaque "
          "indicateur : le bruit de la simulation domine.",
          "The uncertain parameters explain less than 10 % of every indicator's variance: the "
          "simulation's own noise dominates."},
    // Client journeys (trace.csv, issue 15).
    Entry{"journey.title", "Parcours de quelques clients", "A few client journeys"},
    Entry{"journey.intro",
          "Quelques clients suivis dans la première réplication (parcours run --trace), de "
          "leur arrivée à la fin de leur parcours : chaque événement, chaque décision prise "
          "à leur sujet avec ce que la règle a répondu, et ce qui a été compté pour eux.",
          "A few clients followed in the first replication (parcours run --trace), from their "
          "arrival to how their journey ended: every event, every decision taken about them "
          "with what the rule answered, and what was counted for them."},
    Entry{"journey.client", "Client n° ", "Client no. "},
    Entry{"journey.date", "Date", "Date"},
    Entry{"journey.stage", "Étape", "Stage"},
    Entry{"journey.what", "Ce qui arrive", "What happens"},
    Entry{"journey.agreement", "Entente", "Agreement"},
    Entry{"journey.hours", "Heures données", "Hours given"},
    Entry{"journey.left_after", "Sortie après : ", "Left after: "},
    Entry{"journey.ending.in_system_at_horizon", "Encore en service à la fin de la simulation",
          "Still in the system at the end of the simulation"},
    Entry{"journey.hook.policy.conclusion", "Conclusion de l'évaluation",
          "Conclusion of the evaluation"},
    Entry{"journey.hook.policy.plan", "Plan d'intervention", "Intervention plan"},
    Entry{"journey.hook.policy.dropout_after", "Abandon après l'activité",
          "Dropout after the activity"},
    Entry{"journey.hook.policy.retention", "Maintien en emploi", "Job retention"},
    Entry{"journey.hook.policy.dropout_multiplier", "Multiplicateur d'abandon",
          "Dropout multiplier"},
    Entry{"journey.hook.policy.job_multiplier", "Multiplicateur d'emploi", "Job multiplier"},
    Entry{"journey.stage.arriving", "Arrivée", "Arriving"},
    Entry{"journey.stage.waiting_interview", "En attente d'entrevue", "Waiting for an interview"},
    Entry{"journey.stage.in_interview", "En entrevue", "In an interview"},
    Entry{"journey.stage.specialised_evaluation", "Évaluation spécialisée",
          "Specialised evaluation"},
    Entry{"journey.stage.referred_out", "Orienté ailleurs", "Referred out"},
    Entry{"journey.stage.awaiting_activity", "En attente d'activité", "Awaiting an activity"},
    Entry{"journey.stage.in_activity", "En activité", "In an activity"},
    Entry{"journey.stage.job_search", "En recherche d'emploi", "Searching for a job"},
    Entry{"journey.stage.retention", "En maintien en emploi", "In job retention"},
    Entry{"journey.stage.employed", "En emploi", "Employed"},
    Entry{"journey.stage.left", "Sorti", "Left"},
    Entry{"journey.event.arrival", "Arrivée", "Arrival"},
    Entry{"journey.event.agent_granted", "Un agent le reçoit", "An agent receives them"},
    Entry{"journey.event.interview_end", "Fin de l'entrevue", "Interview ends"},
    Entry{"journey.event.specialist_granted", "Un évaluateur spécialisé le reçoit",
          "A specialised evaluator receives them"},
    Entry{"journey.event.specialised_evaluation_end", "Fin de l'évaluation spécialisée",
          "Specialised evaluation ends"},
    Entry{"journey.event.referred_return", "Retour après orientation", "Returns after a referral"},
    Entry{"journey.event.activity_start", "Début prévu de l'activité",
          "Planned start of the activity"},
    Entry{"journey.event.activity_end", "Fin de l'activité", "Activity ends"},
    Entry{"journey.event.dropout", "Abandon", "Dropout"},
    Entry{"journey.event.closure", "Fermeture du dossier", "File closed"},
    Entry{"journey.event.job_found", "Emploi trouvé", "Job found"},
    Entry{"journey.event.retention_phase_end", "Fin d'une phase du maintien",
          "A retention phase ends"},
    Entry{"journey.event.retention_contact", "Contact de maintien", "Retention contact"},
    Entry{"journey.event.retention_end", "Fin du maintien", "Retention ends"},
    Entry{"journey.event.retention_client_stop", "Le client cesse le maintien",
          "The client stops retention"},
    Entry{"journey.event.retention_late_start", "Début tardif du maintien",
          "Late start of retention"},
    Entry{"journey.event.retention_referral", "Orientation vers un partenaire",
          "Referral to a partner"},
    Entry{"journey.event.job_loss", "Perte d'emploi", "Job lost"},
    Entry{"journey.event.job_followup_end", "Fin du suivi en emploi", "Job follow-up ends"},
    Entry{"journey.event.accompaniment_contact", "Contact d'accompagnement",
          "Accompaniment contact"},
    Entry{"journey.event.contact_agent_granted", "Un agent fait le contact",
          "An agent makes the contact"},
    Entry{"journey.event.contact_end", "Fin du contact", "Contact ends"},
    Entry{"journey.event.ose_place_granted", "Place obtenue chez l'organisme",
          "Place granted by the organisation"},
    Entry{"journey.event.waitlist_dropout", "Quitte la liste d'attente", "Leaves the waitlist"},
    // Indicators of the result tables (docs/outputs.md).
    Entry{"arrivals", "Arrivées", "Arrivals"},
    Entry{"arrivals_convened", "Arrivées convoquées", "Convened arrivals"},
    Entry{"arrivals_self_referred", "Arrivées spontanées", "Self-referred arrivals"},
    Entry{"interviews", "Entrevues d'évaluation", "Evaluation interviews"},
    Entry{"second_meetings", "Deuxièmes rencontres", "Second meetings"},
    Entry{"conclusion_a", "Conclusion A (autonome)", "Conclusion A (autonomous)"},
    Entry{"conclusion_b", "Conclusion B (entrée en Parcours)", "Conclusion B (Parcours)"},
    Entry{"conclusion_c", "Conclusion C (évaluation spécialisée)",
          "Conclusion C (specialised evaluation)"},
    Entry{"conclusion_d", "Conclusion D (santé et services sociaux)",
          "Conclusion D (health and social services)"},
    Entry{"specialised_evaluations", "Évaluations spécialisées", "Specialised evaluations"},
    Entry{"referred_returns", "Retours après référence", "Returns after a referral"},
    Entry{"parcours_started", "Parcours commencés", "Parcours started"},
    Entry{"parcours_ended_employment", "Fins de Parcours : emploi", "Parcours ended: job"},
    Entry{"parcours_ended_dropout", "Fins de Parcours : abandon", "Parcours ended: dropout"},
    Entry{"parcours_ended_school", "Fins de Parcours : retour aux études",
          "Parcours ended: school"},
    Entry{"parcours_ended_other_measure", "Fins de Parcours : autre mesure",
          "Parcours ended: other measure"},
    Entry{"parcours_ended_closure", "Fins de Parcours : fermeture", "Parcours ended: closure"},
    Entry{"activities_started", "Activités commencées", "Activities started"},
    Entry{"activities_completed", "Activités terminées", "Activities completed"},
    Entry{"employed", "Entrées en emploi", "Job starts"},
    Entry{"retention_started", "Débuts de maintien en emploi", "Retention support started"},
    Entry{"retention_contacts", "Contacts de maintien en emploi", "Retention contacts"},
    // Who arrives (issue 12).
    Entry{"arrivals_aged_45_plus", "Arrivées de 45 ans ou plus", "Arrivals aged 45 or more"},
    Entry{"arrivals_single_parent", "Arrivées chefs de famille monoparentale",
          "Arrivals heading a single-parent family"},
    Entry{"arrivals_below_secondary_v", "Arrivées sous le secondaire V",
          "Arrivals below Secondary V"},
    Entry{"arrivals_objectif_emploi", "Arrivées au programme Objectif emploi",
          "Arrivals in Objectif emploi"},
    Entry{"arrivals_health_constraints", "Arrivées avec contraintes de santé",
          "Arrivals with health constraints"},
    Entry{"arrivals_immigrant", "Arrivées immigrantes", "Immigrant arrivals"},
    Entry{"arrivals_not_meeting_requirements", "Arrivées ne répondant pas aux exigences",
          "Arrivals not meeting the requirements"},
    Entry{"arrivals_long_assistance", "Arrivées avec 120 mois ou plus d'aide",
          "Arrivals with 120 months or more on assistance"},
    Entry{"jobs_during_activity", "Emplois trouvés pendant une activité",
          "Jobs found during an activity"},
    Entry{"activities_ended_early", "Activités terminées tôt (objectifs atteints)",
          "Activities ended early (objectives met)"},
    Entry{"major_events", "Événements majeurs pendant une activité",
          "Major events during an activity"},
    Entry{"major_event_evaluations", "Évaluations spécialisées pendant un Parcours",
          "Specialised evaluations during a Parcours"},
    Entry{"major_event_revisions", "Plans révisés après une évaluation spécialisée",
          "Plans revised after a specialised evaluation"},
    Entry{"major_event_stops", "Parcours fermés après une évaluation spécialisée",
          "Parcours closed after a specialised evaluation"},
    Entry{"ose_reports", "Rétroactions des organismes à l'agent",
          "Organisations' reports back to the agent"},
    Entry{"refusals", "Refus", "Refusals"},
    Entry{"compliance_referrals", "Références à un agent de conformité", "Compliance referrals"},
    Entry{"employed_within_followup_of_parcours", "En emploi dans le suivi après le Parcours",
          "Employed within the follow-up after the Parcours"},
    Entry{"ose_referrals", "Références à un OSE", "Referrals to an OSE"},
    Entry{"accompaniment_contacts", "Contacts d'accompagnement", "Accompaniment contacts"},
    Entry{"accompaniment_contacts_by_agent", "Contacts d'accompagnement par l'agent",
          "Accompaniment contacts by the agent"},
    Entry{"plan_revisions", "Révisions du plan", "Plan revisions"},
    Entry{"interview_wait_days_mean", "Attente moyenne de l'entrevue (jours)",
          "Mean wait for the interview (days)"},
    Entry{"interview_wait_days_max", "Attente maximale de l'entrevue (jours)",
          "Longest wait for the interview (days)"},
    Entry{"allowance_paid", "Allocations versées ($)", "Allowances paid ($)"},
    Entry{"extra_costs_paid", "Frais supplémentaires remboursés ($)", "Extra costs paid ($)"},
    // Rule P7: income support, savings and costs per person (issue 12).
    Entry{"income_support_paid", "Soutien du revenu versé hors emploi ($)",
          "Income support paid while out of work ($)"},
    Entry{"income_support_savings", "Soutien du revenu épargné par les emplois ($)",
          "Income support saved by jobs ($)"},
    Entry{"cost_total", "Coût total (entente, allocations, frais, contributions) ($)",
          "Total cost (agreement, allowances, extra costs, contributions) ($)"},
    Entry{"cost_per_participant", "Coût par participant ($)", "Cost per participant ($)"},
    Entry{"cost_per_person_placed", "Coût par personne en emploi ($)",
          "Cost per person placed ($)"},
    Entry{"savings.title", "Coûts et économies", "Costs and savings"},
    Entry{"savings.intro",
          "Ce que coûtent les services et ce que les emplois épargnent de soutien du revenu "
          "(règle P7) : moyennes des réplications, intervalle de confiance à 95 % entre "
          "crochets.",
          "What the services cost and what jobs save of income support (rule P7): means over "
          "replications, 95 % confidence interval in brackets."},
    Entry{"savings.support_title", "Soutien du revenu, tous les clients",
          "Income support, all clients"},
    Entry{"savings.support_intro",
          "L'aide financière de dernier recours et l'assurance-emploi versées aux clients "
          "pendant qu'ils sont dans le système sans emploi, et ce qu'un emploi épargne sur "
          "l'horizon d'épargne du scénario, compté au début de l'emploi. "
          "L'allocation qu'un client d'Objectif emploi garde après un emploi (règle M10) est un "
          "coût, dans les allocations versées.",
          "Last-resort assistance and employment insurance paid to clients while they are in "
          "the system and out of work, and what a job saves over the scenario's savings "
          "horizon, counted at the job start. The allowance an "
          "Objectif emploi client keeps after a job (rule M10) is a cost, in allowances paid."},
    Entry{"savings.services_title", "Coût par participant et par personne en emploi",
          "Cost per participant and per person placed"},
    Entry{"savings.services_intro",
          "Par service et par exercice financier : le coût total des ententes (prix ou coûts "
          "réels selon le mode, allocations, frais supplémentaires, contributions salariales) "
          "divisé par les participants commencés et par les personnes en emploi dans les trois "
          "mois suivant la fin du service, comptées l'exercice où l'emploi commence.",
          "By service and fiscal year: the agreements' total cost (price or actual costs by "
          "funding mode, allowances, extra costs, wage contributions) over the participants "
          "begun and over the people employed within three months of the service's end, "
          "counted in the fiscal year the job starts."},
    Entry{"savings.all_services", "Tous les services", "All services"},
    Entry{"specialised_wait_days_mean", "Attente moyenne de l'évaluation spécialisée (jours)",
          "Mean wait for the specialised evaluation (days)"},
    Entry{"agent_utilisation", "Taux d'occupation des agents", "Agent utilisation"},
    Entry{"agent_queue_mean", "File d'attente moyenne des agents", "Mean agent queue"},
    Entry{"caseload_end", "Charge de cas par agent (fin de période)",
          "Caseload per agent (end of period)"},
    Entry{"parcours_active_end", "Parcours actifs (fin de période)",
          "Active Parcours (end of period)"},
    Entry{"clients_in_system_end", "Clients dans le système (fin de période)",
          "Clients in the system (end of period)"},
    Entry{"activities_ineligible", "Activités non admissibles", "Ineligible activities"},
    Entry{"ose_not_served", "Références à un OSE sans service", "OSE referrals not served"},
    // Agreement and retention indicators (agreements_summary.csv, retention_summary.csv).
    Entry{"participants_started", "Participants admis", "Participants started"},
    Entry{"participants_target", "Cible de participants", "Participant target"},
    Entry{"attainment_pct", "Atteinte de la cible (%)", "Target attainment (%)"},
    Entry{"hours_direct", "Heures directes", "Direct hours"},
    Entry{"hours_indirect", "Heures indirectes", "Indirect hours"},
    Entry{"cost", "Coût ($)", "Cost ($)"},
    Entry{"cost_fixed_price", "Coût à prix fixe ($)", "Cost at a fixed price ($)"},
    Entry{"cost_actual_costs", "Coût aux coûts réels ($)", "Cost at actual costs ($)"},
    Entry{"cost_to_date", "Coût cumulé de l'année d'entente ($)",
          "Cost to date in the agreement year ($)"},
    Entry{"participants_started_to_date", "Participants admis depuis le début de l'année d'entente",
          "Participants started in the agreement year to date"},
    Entry{"participants_ended", "Participations terminées", "Participations ended"},
    Entry{"participants_ended_at_level_reached", "Participations terminées au niveau atteint",
          "Participations ended, at the level reached"},
    Entry{"hours_per_participant", "Heures par participant", "Hours per participant"},
    Entry{"hours_per_participant_at_level_reached", "Heures par participant au niveau atteint",
          "Hours per participant, at the level reached"},
    Entry{"ceiling", "Plafond ($)", "Ceiling ($)"},
    Entry{"amount_over_ceiling", "Dépassement du plafond ($)", "Amount over the ceiling ($)"},
    Entry{"amendment_needed", "Avenant nécessaire", "Amendment needed"},
    Entry{"turned_away", "Clients refusés faute de place", "Clients turned away (no place)"},
    Entry{"waitlisted", "Inscrits en liste d'attente", "Put on the waiting list"},
    Entry{"waitlist_dropouts", "Départs de la liste d'attente", "Left the waiting list"},
    Entry{"wait_days_mean", "Attente moyenne d'une place (jours)", "Mean wait for a place (days)"},
    Entry{"wait_days_total", "Attente totale d'une place (jours)", "Total wait for a place (days)"},
    Entry{"waited_over_threshold", "Attentes au-delà du seuil", "Waits over the threshold"},
    Entry{"employed_0_3_months", "En emploi dans les 3 mois", "Employed within 3 months"},
    Entry{"school_0_3_months", "Retour aux études dans les 3 mois",
          "Back to school within 3 months"},
    Entry{"employed_in_followup", "En emploi pendant le suivi", "Employed during the follow-up"},
    Entry{"employed_end_of_retention_full_time", "En emploi à temps plein à la fin du maintien",
          "Employed full time at the end of retention"},
    Entry{"employed_end_of_retention_part_time", "En emploi à temps partiel à la fin du maintien",
          "Employed part time at the end of retention"},
    Entry{"cit_renewals", "Renouvellements de CIT", "Work integration contract renewals"},
    Entry{"psea_retention", "Maintien en entreprise adaptée (PSEA)",
          "Retention in an adapted enterprise (PSEA)"},
    // Indicators of job retention and its aftermath (rules M1-M13).
    Entry{"retention_in_service", "Maintien par l'organisme de la participation",
          "Retention by the participation's organisation"},
    Entry{"retention_partner_referrals", "Références vers un partenaire de maintien",
          "Referrals to a retention partner"},
    Entry{"retention_partner_started", "Maintiens commencés chez un partenaire",
          "Retention started with a partner"},
    Entry{"retention_within_participation", "Maintien inclus dans la participation",
          "Retention included in the participation"},
    Entry{"retention_late_starts", "Maintiens commencés après le suivi administratif",
          "Retention started after the administrative follow-up"},
    Entry{"retention_employer_requests", "Maintiens commencés à la demande de l'employeur",
          "Retention started at the employer's request"},
    Entry{"integration_jobs", "Emplois de la phase d'intégration (ICTE)",
          "Jobs of the integration phase (ICTE)"},
    Entry{"in_job_support_started", "Accompagnements en emploi commencés (Démarcheurs)",
          "In-job accompaniment started (Démarcheurs)"},
    Entry{"wage_contribution", "Contribution salariale ($)", "Wage contribution ($)"},
    Entry{"retention_tripartite_switches", "Passages au mode tripartite",
          "Switches to tripartite plans"},
    Entry{"retention_hours", "Heures de maintien en emploi", "Job-retention hours"},
    Entry{"retention_ended_objectives", "Maintiens terminés : objectifs atteints",
          "Retention ended: objectives met"},
    Entry{"retention_ended_job_loss", "Maintiens terminés : perte d'emploi",
          "Retention ended: job lost"},
    Entry{"retention_ended_client", "Maintiens terminés par la personne",
          "Retention ended by the client"},
    Entry{"job_losses", "Pertes d'emploi", "Job losses"},
    Entry{"readmissions", "Réadmissions", "Readmissions"},
    Entry{"returns_to_office", "Retours au bureau", "Returns to the office"},
    Entry{"parcours_resumed", "Parcours repris", "Parcours resumed"},
    Entry{"activities_repeat_refused", "Activités déjà faites, reprise refusée",
          "Activities already done, repeat refused"},
    Entry{"income_support_cancelled", "Soutien du revenu annulé ($)",
          "Income support cancelled ($)"},
    Entry{"income_support_cancelled_clients", "Plans annulant un soutien du revenu",
          "Plans cancelling income support"},
    // Sizing (parcours size): indicators, funding modes and the places search.
    Entry{"participants", "Participants", "Participants"},
    Entry{"hours", "Heures (directes et indirectes)", "Hours (direct and indirect)"},
    Entry{"funding_mode.any", "Tous modes", "Any mode"},
    // Services of the baseline's catalogue (scenario names; a scenario's other services are
    // shown by name, with spaces for underscores).
    Entry{"service.groupe_d", "Groupe D", "Groupe D"},
    Entry{"service.groupe_me", "Groupe ME (maintien en emploi)", "Groupe ME (job retention)"},
    Entry{"service.ph1", "PH1 (personnes handicapées)", "PH1 (people with disabilities)"},
    Entry{"service.ph2_soutien", "PH2 (soutien en emploi)", "PH2 (employment support)"},
    Entry{"service.jeunes_18_29", "Jeunes 18-29 ans", "Youth aged 18 to 29"},
    Entry{"service.club_recherche_emploi", "Club de recherche d'emploi", "Job search club"},
    Entry{"service.stage_exploration", "Stage d'exploration", "Exploration internship"},
    Entry{"service.services_de_base", "Services de base (services unitaires)",
          "Basic support (unit services)"},
    Entry{"service.demarcheurs", "Démarcheurs d'emploi", "Job prospectors (Démarcheurs d'emploi)"},
    Entry{"service.ppe", "Projet de préparation à l'emploi (PPE)",
          "Employment preparation project (PPE)"},
    Entry{"service.icte", "Intégration avec contribution salariale (ICTE)",
          "Integration with wage contribution (ICTE)"},
    Entry{"service.mfor_ee", "Entreprise d'entraînement (MFOR-EE)",
          "Training enterprise (MFOR-EE)"},
    Entry{"service.every_region", "Toutes les régions", "Every region"},
    Entry{"group.every_region", "Toutes les régions", "Every region"},
    Entry{"group.D", "Groupe D", "Groupe D"},
    Entry{"group.ME", "Groupe ME", "Groupe ME"},
    Entry{"group.PH1", "PH1", "PH1"},
    Entry{"group.PH2", "PH2", "PH2"},
    Entry{"dimension.organisation", "Organisme", "Organisation"},
    Entry{"dimension.service", "Service", "Service"},
    Entry{"dimension.funding_mode", "Mode de financement", "Funding mode"},
    Entry{"period_kind.quarter", "trimestre financier", "fiscal quarter"},
};

}  // namespace

Language parse_language(std::string_view code) {
  if (code == "fr") return Language::kFrench;
  if (code == "en") return Language::kEnglish;
  throw io::InputError("--lang", "expected fr or en, got '" + std::string(code) + "'");
}

std::string_view language_code(Language language) {
  return language == Language::kFrench ? "fr" : "en";
}

std::string label(Language language, std::string_view key) {
  for (const Entry& e : kEntries) {
    if (e.key == key) return std::string(language == Language::kFrench ? e.fr : e.en);
  }
  // Indicators by activity of the scenario's catalogue: "activities_started.groupe_d".
  const std::size_t dot = key.find('.');
  if (dot != std::string_view::npos && key.substr(0, dot) == "activities_started") {
    return label(language, key.substr(0, dot)) + (language == Language::kFrench ? " : " : ": ") +
           name_label(language, "service.", key.substr(dot + 1));
  }
  return std::string(key);
}

bool has_label(std::string_view key) {
  return std::ranges::any_of(kEntries, [key](const Entry& e) { return e.key == key; });
}

std::string name_label(Language language, std::string_view prefix, std::string_view name) {
  const std::string key = std::string(prefix) + std::string(name);
  if (has_label(key)) return label(language, key);
  std::string out(name);
  std::ranges::replace(out, '_', ' ');
  return out;
}

std::string format_number(Language language, double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "NA" : (value > 0 ? "∞" : "−∞");
  const double magnitude = std::fabs(value);
  int decimals = 0;
  if (magnitude < 1 && magnitude > 0) {
    decimals = std::min(6, 2 - static_cast<int>(std::floor(std::log10(magnitude))));
  } else if (magnitude < 100) {
    decimals = 1;
  }
  std::string text = fmt::format("{:.{}f}", magnitude, decimals);
  if (decimals > 0) {  // "12.50" -> "12.5", "3.0" -> "3"
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  const std::size_t point = text.find('.');
  std::string whole = text.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  const std::string_view group = language == Language::kFrench ? "\u202f" : ",";
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += group;
    grouped += whole[i];
  }
  std::string out = (value < 0 && text != "0") ? "−" + grouped : grouped;
  if (!fraction.empty()) out += (language == Language::kFrench ? "," : ".") + fraction;
  return out;
}

}  // namespace parcours::report
