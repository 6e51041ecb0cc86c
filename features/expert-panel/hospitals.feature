Feature: Expert panel: hospitals and health systems
  Judgements an experienced healthcare-communications strategist would sign, written from
  sourced facts before the advisor was run. Each scenario is a realistic hospital.

  # Griffis et al., JMIR 2014 (3,371 US hospitals): 94% had a Facebook page and 99% a Yelp page;
  # Pew Research Center 2025: Facebook and YouTube are used by a majority of every US adult age group.
  Scenario: a community hospital with an older local public keeps its working Facebook page and answers reviews
    Given a minimal "hospital" profile
    And the organization's size is "medium"
    And the organization is "hipaa_covered"
    And the organization is "direct_patient_contact"
    And the audiences:
      | segment          | ages                  | platforms              | participation |
      | local_public     | 30-49, 50-64, 65-plus | facebook_page, youtube | spectators    |
      | patients_general | 50-64, 65-plus        | facebook_page          | spectators    |
    And the objectives:
      | kind       | goal                                        | focus                 | metric                | target | deadline   |
      | energizing | Satisfied patients share their experience   | reputation_management | average Google rating | 4.5    | 2027-06-30 |
    And the team has 12 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 3 days
    And the current channels:
      | channel       | result | followers | posts_per_week |
      | facebook_page | good   | 8000      | 3              |
    And the pain points include "online_reviews"
    And the constraints include "hipaa_phi"
    When the advisor assesses the profile
    Then "facebook_page" is among the top 3 channels
    And "review_sites" is among the top 3 channels
    And "tiktok" is not among the top 3 channels
    And the plan keeps "facebook_page"

  # OCR's 2023 settlement with a New Jersey practice ($30,000) for PHI disclosed in replies to
  # online reviews (HealthITSecurity 2023): a HIPAA-covered hospital answering reviews needs the
  # no-PHI rule stated.
  Scenario: a HIPAA-covered hospital that answers reviews is told never to confirm a patient
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    And the organization is "direct_patient_contact"
    And the audiences:
      | segment          | ages                  | platforms     |
      | patients_general | 30-49, 50-64, 65-plus | facebook_page |
    And a measurable "energizing" objective for "reputation_management"
    And the team has 8 staff hours per week
    And the team has the skills "writing"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the pain points include "online_reviews"
    And the constraints include "hipaa_phi"
    When the advisor assesses the profile
    Then "review_sites" is among the top 3 channels
    And the rule "resources.governance.phi-in-replies" fires
    And the rule "constraints.hipaa.phi" fires

  # Pew Research Center 2025: LinkedIn is used mostly by college-educated adults of working age;
  # hospitals recruit nurses and technicians where job candidates look (LinkedIn), which the
  # hospital's own candidates already use.
  Scenario: a hospital short of nurses recruits on LinkedIn, not on TikTok
    Given a minimal "hospital" profile
    And the organization's size is "large"
    And the organization is "hipaa_covered"
    And the audiences:
      | segment        | name                         | ages         | platforms               |
      | job_candidates | nurses and technicians       | 18-29, 30-49 | linkedin, facebook_page |
    And the objectives:
      | kind    | goal                   | focus             | metric                  | target | deadline   |
      | talking | Fill open nursing roles | staff_recruitment | applications from social | 150    | 2027-03-31 |
    And the team has 10 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the pain points include "staff_recruitment"
    When the advisor assesses the profile
    Then the top channel is "linkedin"
    And "tiktok" is not among the top 3 channels
    And the plan holds at most 3 channels

  # Pew 2025 (YouTube reaches a majority of every age group) and Mohamed 2024 (health decisions
  # from YouTube videos) make YouTube the home of patient education, but only for a team that
  # can make video: without video skills it waits and says what it needs.
  Scenario: a hospital with a patient-education gap but no video skills is told YouTube needs video first
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    And the organization is "direct_patient_contact"
    And the audiences:
      | segment          | ages                  | platforms              |
      | patients_chronic | 50-64, 65-plus        | facebook_page, youtube |
    And a measurable "talking" objective for "patient_education"
    And the team has 8 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the pain points include "patient_education_gap"
    When the advisor assesses the profile
    Then the tier of "youtube" is "not now"
    And "youtube" needs "video skills"
    And "youtube" is not among the top 3 channels
    And "facebook_page" is among the top 3 channels

  # CDC CERC manual (2018): Be First; the first source people hear from often becomes the one
  # they prefer, so a hospital with an emergency role keeps the channel its public already follows.
  Scenario: a hospital with an emergency department speaks first where its neighbours already are
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    And the organization is "emergency_role"
    And the organization is "direct_patient_contact"
    And the audiences:
      | segment      | ages                  | platforms              | participation |
      | local_public | 18-29, 30-49, 50-64, 65-plus | facebook_page, youtube | spectators    |
    And the objectives:
      | kind    | goal                                     | focus               | metric                           | target | deadline   |
      | talking | Neighbours hear from us first in a crisis | crisis_communication | followers reached within 1 hour | 10000  | 2027-06-30 |
    And the team has 15 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "extended"
    And content approval takes 1 days
    And the current channels:
      | channel       | result | followers | posts_per_week |
      | facebook_page | good   | 12000     | 4              |
    When the advisor assesses the profile
    Then the top channel is "facebook_page"
    And the plan keeps "facebook_page"
    And "bluesky_mastodon" is not among the top 3 channels
    And "threads" is not among the top 3 channels
