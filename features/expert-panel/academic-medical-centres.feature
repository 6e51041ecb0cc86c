Feature: Expert panel: academic medical centres
  Residents, research and patients: three jobs for one institution, judged from sourced facts
  before the advisor was run.

  # Jandu et al., JMIR Med Educ 2025 and Sharpe et al. 2023 (PGY1 residents): Instagram is the
  # platform applicants use most to judge programs (63% of Mayo PGY1s used it regularly), with
  # Reddit and Doximity alongside; X is not where applicants look.
  Scenario: a residency program recruits applicants on Instagram
    Given a minimal "academic_medical_center" profile
    And the organization's size is "large"
    And the organization is "hipaa_covered"
    And the audiences:
      | segment             | ages  | career_stage | platforms                   | participation |
      | residency_applicants | 18-29 | student      | instagram, reddit, doximity | spectators    |
    And the objectives:
      | kind    | goal                                  | focus                | metric                        | target | deadline   |
      | talking | Applicants see life in our residency  | resident_recruitment | applications citing social    | 300    | 2027-09-30 |
    And the team has 12 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the pain points include "resident_recruitment"
    When the advisor assesses the profile
    Then the top channel is "instagram"
    And "x_twitter" is not among the top 3 channels
    And "facebook_group" is not among the top 3 channels

  # Allen et al., PLOS One 2013: releasing articles by blog, Facebook, X and LinkedIn raised
  # views and downloads; researchers read on professional and open networks, not on TikTok.
  Scenario: an academic medical centre makes its research visible to researchers
    Given a minimal "academic_medical_center" profile
    And the organization's size is "large"
    And the audiences:
      | segment     | ages                | platforms                   | participation |
      | researchers | 30-49, 50-64        | linkedin, bluesky_mastodon  | spectators    |
      | journalists | 30-49               | x_twitter, linkedin         | spectators    |
    And the objectives:
      | kind    | goal                                | focus                   | metric                  | target | deadline   |
      | talking | Our papers are read and cited more  | research_dissemination  | article views from social | 20000 | 2027-06-30 |
    And the team has 10 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 1 days
    And the pain points include "research_visibility"
    When the advisor assesses the profile
    Then "linkedin" is among the top 3 channels
    And "tiktok" is not among the top 3 channels
    And "facebook_group" is not among the top 3 channels

  # Pew 2025: YouTube is used by the great majority of US adults, including most over 65;
  # Mohamed et al., BMC Public Health 2024: viewers make health decisions from YouTube videos.
  Scenario: an academic medical centre with a video team educates chronic patients on YouTube
    Given a minimal "academic_medical_center" profile
    And the organization's size is "large"
    And the organization is "hipaa_covered"
    And the organization is "direct_patient_contact"
    And the audiences:
      | segment          | ages                  | platforms              | participation |
      | patients_chronic | 30-49, 50-64, 65-plus | youtube, facebook_page | spectators    |
      | caregivers       | 30-49, 50-64          | facebook_page          | spectators    |
    And a measurable "talking" objective for "patient_education"
    And the team has 20 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "business_hours"
    And content approval takes 3 days
    And the pain points include "patient_education_gap"
    And the constraints include "hipaa_phi"
    When the advisor assesses the profile
    Then the top channel is "youtube"
    And "facebook_page" is among the top 3 channels
    And "tiktok" is not among the top 3 channels
