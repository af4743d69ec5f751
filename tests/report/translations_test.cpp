#include "report/translations.hpp"

#include <gtest/gtest.h>

#include "io/input_error.hpp"

namespace parcours::report {
namespace {

TEST(Translations, LabelsInBothLanguagesAndRawNamesOtherwise) {
  EXPECT_EQ(label(Language::kFrench, "parcours_started"), "Parcours commencés");
  EXPECT_EQ(label(Language::kEnglish, "parcours_started"), "Parcours started");
  EXPECT_EQ(label(Language::kFrench, "flow.title"), "Le parcours de la clientèle");
  EXPECT_EQ(label(Language::kEnglish, "flow.title"), "The clients' pathway");
  EXPECT_EQ(label(Language::kFrench, "an_indicator_from_the_future"),
            "an_indicator_from_the_future");
  EXPECT_TRUE(has_label("arrivals"));
  EXPECT_FALSE(has_label("an_indicator_from_the_future"));
}

TEST(Translations, EveryIndicatorOfTheOutputsIsTranslated) {
  // docs/outputs.md lists these; a new one should get its labels here.
  for (const char* name :
       {"arrivals", "arrivals_convened", "arrivals_self_referred", "interviews", "second_meetings",
        "conclusion_a", "conclusion_b", "conclusion_c", "conclusion_d", "specialised_evaluations",
        "referred_returns", "parcours_started", "parcours_ended_employment",
        "parcours_ended_dropout", "activities_started", "activities_completed", "employed",
        "retention_started", "retention_contacts", "refusals", "compliance_referrals",
        "parcours_ended_school", "parcours_ended_other_measure", "parcours_ended_closure",
        "employed_within_followup_of_parcours", "ose_referrals", "accompaniment_contacts",
        "accompaniment_contacts_by_agent", "plan_revisions", "interview_wait_days_mean",
        "interview_wait_days_max", "allowance_paid", "extra_costs_paid",
        "specialised_wait_days_mean", "agent_utilisation", "agent_queue_mean", "caseload_end",
        "parcours_active_end", "clients_in_system_end",
        // who arrives (issue 12)
        "arrivals_aged_45_plus", "arrivals_single_parent", "arrivals_below_secondary_v",
        "arrivals_objectif_emploi", "arrivals_health_constraints", "arrivals_immigrant",
        "arrivals_not_meeting_requirements", "arrivals_long_assistance",
        // jobs and early successes during an activity (issue 11)
        "jobs_during_activity", "activities_ended_early",
        // services and retention as the seeds give them (issue 11)
        "retention_employer_requests", "integration_jobs", "in_job_support_started",
        "wage_contribution",
        // major events (E7) and the organisations' reports (P4) (issue 11)
        "major_events", "major_event_evaluations", "major_event_revisions", "major_event_stops",
        "ose_reports",
        // costs and savings (rule P7, issue 12)
        "income_support_paid", "income_support_savings", "cost_total", "cost_per_participant",
        "cost_per_person_placed"}) {
    EXPECT_TRUE(has_label(name)) << name;
    EXPECT_NE(label(Language::kFrench, name), name) << name;
    EXPECT_NE(label(Language::kEnglish, name), name) << name;
  }
}

TEST(Translations, StartsByActivityReadAsTheIndicatorAndTheService) {  // rule P2
  EXPECT_EQ(label(Language::kFrench, "activities_started.ppe"),
            "Activités commencées : Projet de préparation à l'emploi (PPE)");
  EXPECT_EQ(label(Language::kEnglish, "activities_started.groupe_d"),
            "Activities started: Groupe D");
  // A service the table has no label for: its name with spaces.
  EXPECT_EQ(label(Language::kEnglish, "activities_started.atelier_cv"),
            "Activities started: atelier cv");
}

TEST(Translations, LanguageCodes) {
  EXPECT_EQ(parse_language("fr"), Language::kFrench);
  EXPECT_EQ(parse_language("en"), Language::kEnglish);
  EXPECT_THROW((void)parse_language("de"), io::InputError);
  EXPECT_EQ(language_code(Language::kEnglish), "en");
}

TEST(Translations, NumbersFollowTheLanguage) {
  EXPECT_EQ(format_number(Language::kEnglish, 64988.8), "64,989");
  EXPECT_EQ(format_number(Language::kFrench, 64988.8), "64\u202f989");
  EXPECT_EQ(format_number(Language::kFrench, 12.34), "12,3");
  EXPECT_EQ(format_number(Language::kEnglish, 3.0), "3");
  EXPECT_EQ(format_number(Language::kEnglish, 0.8492), "0.849");
  EXPECT_EQ(format_number(Language::kEnglish, -1234567), "−1,234,567");
  EXPECT_EQ(format_number(Language::kEnglish, 0), "0");
}

}  // namespace
}  // namespace parcours::report
