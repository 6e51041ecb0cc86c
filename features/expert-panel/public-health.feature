Feature: Expert panel: public health agencies
  An emergency role, CERC and misinformation, judged from sourced facts before the advisor
  was run.

  # CDC CERC manual (2018): Be First, Be Right, Be Credible; the first source people hear from
  # often becomes the preferred one. Pew 2025: Facebook reaches a majority of every adult age group,
  # Bluesky only a few percent of US adults.
  Scenario: a county health department with an emergency role speaks where its residents already are
    Given a minimal "public_health_agency" profile
    And the organization is "emergency_role"
    And the audiences:
      | segment      | ages                         | platforms                           | participation |
      | local_public | 18-29, 30-49, 50-64, 65-plus | facebook_page, youtube, instagram   | spectators    |
    And the objectives:
      | kind    | goal                                         | focus                | metric                          | target | deadline   |
      | talking | Residents get emergency guidance from us first | crisis_communication | residents reached within 1 hour | 50000  | 2027-06-30 |
    And the team has 20 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "extended"
    And content approval takes 1 days
    And the current channels:
      | channel       | result | followers | posts_per_week |
      | facebook_page | good   | 25000     | 5              |
    When the advisor assesses the profile
    Then "facebook_page" is among the top 3 channels
    And the plan keeps "facebook_page"
    And "bluesky_mastodon" is not among the top 3 channels
    And "pinterest" is not among the top 3 channels

  # U.S. Surgeon General's advisory "Confronting Health Misinformation" (2021): health
  # organizations should listen for misinformation and answer with credible, accessible
  # information; KFF polling: most adults see health information on social media but few trust it.
  Scenario: a state health department fighting vaccine misinformation listens and explains on video
    Given a minimal "public_health_agency" profile
    And the organization's size is "large"
    And the audiences:
      | segment          | ages                  | platforms                        | participation |
      | local_public     | 18-29, 30-49, 50-64   | facebook_page, youtube, instagram | spectators   |
      | caregivers       | 30-49                 | facebook_page, youtube           | spectators    |
    And the objectives:
      | kind      | goal                                      | focus                   | metric                        | target | deadline   |
      | listening | Spot vaccine rumours within a day         | misinformation_response | rumours logged and answered   | 100    | 2027-06-30 |
      | talking   | Parents see credible vaccine explainers   | patient_education       | explainer views               | 200000 | 2027-06-30 |
    And the team has 25 staff hours per week
    And the team has the skills "writing, design, video and analytics"
    And the resources' moderation is "extended"
    And content approval takes 2 days
    And the pain points include "misinformation"
    When the advisor assesses the profile
    Then "listening" is among the top 3 channels
    And "youtube" is among the top 3 channels
    And the rule "pain_points.misinformation.public-body" fires

  # Lindke v. Freed (US Supreme Court, 2024) and the CDC toolkit: a public agency's page is a
  # public forum in part, so its comment moderation must be viewpoint-neutral and its posts are
  # public records (NARA 2022 guidance).
  Scenario: a public health agency opening comments is held to viewpoint-neutral moderation and records
    Given a minimal "public_health_agency" profile
    And the audiences:
      | segment      | ages                | platforms     |
      | local_public | 30-49, 50-64        | facebook_page |
    And a measurable "talking" objective for "awareness"
    And the team has 10 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then the rule "constraints.public-body.comment-rules" fires
    And the rule "resources.governance.public-records" fires
    And "facebook_page" is among the top 3 channels
