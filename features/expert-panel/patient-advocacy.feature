Feature: Expert panel: patient advocacy and rare disease
  Join where families already gather; reach older patients where they are; prompt donors on
  social and convert them by email. Judged from sourced facts before the advisor was run.

  # Titgemeyer and Schaaf, JMIR Pediatr Parent 2020 and 2022: 6,398 Facebook support groups
  # cover 826 rare paediatric diseases (69% private); members visit daily and 79% want health
  # professionals in the group: join them rather than build a new community.
  Scenario: a rare-disease foundation joins the families' Facebook groups
    Given a minimal "patient_advocacy_nonprofit" profile
    And the organization's size is "small"
    And the audiences:
      | segment               | ages         | platforms                     | participation | need_to_connect |
      | patients_rare_disease | 18-29, 30-49 | facebook_group, facebook_page | joiners       | true            |
      | caregivers            | 30-49, 50-64 | facebook_group                | joiners       | true            |
    And the objectives:
      | kind       | goal                                      | focus             | metric                         | target | deadline   |
      | supporting | Families find vetted answers from experts | patient_education | questions answered by experts  | 300    | 2027-06-30 |
    And the strategy's approach is "join"
    And the team has 10 staff hours per week
    And the team has the skills "writing and community_management"
    And the resources' moderation is "business_hours"
    And content approval takes 1 days
    When the advisor assesses the profile
    Then the top channel is "facebook_group"
    And "tiktok" is not among the top 3 channels
    And "x_twitter" is not among the top 3 channels

  # Pew 2025: Instagram and TikTok are used by a small minority of adults over 65, while
  # Facebook and YouTube reach a majority of every age group.
  Scenario: a chronic-disease charity for older patients stays off TikTok and Instagram
    Given a minimal "patient_advocacy_nonprofit" profile
    And the audiences:
      | segment          | ages           | platforms                                | participation |
      | patients_chronic | 50-64, 65-plus | facebook_page, youtube, email_newsletter | spectators    |
      | caregivers       | 50-64, 65-plus | facebook_page                            | spectators    |
    And a measurable "talking" objective for "patient_education"
    And the team has 12 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the pain points include "patient_education_gap"
    When the advisor assesses the profile
    Then "tiktok" is not among the top 3 channels
    And "instagram" is not among the top 3 channels
    And "youtube" is among the top 3 channels
    And "facebook_page" is among the top 3 channels

  # Nonprofit Tech for Good / PIR 2016 (ThinkAdvisor): social media prompts 27% of gifts and
  # email 23%, and most gifts are made online (62%): social prompts, email converts.
  Scenario: a patient charity raising money from small donors is prompted on Facebook and converts by email
    Given a minimal "patient_advocacy_nonprofit" profile
    And the audiences:
      | segment          | ages                | platforms                       | participation |
      | donors_small     | 30-49, 50-64        | facebook_page, email_newsletter | spectators    |
      | patients_chronic | 30-49, 50-64        | facebook_page                   | spectators    |
    And the objectives:
      | kind       | goal                          | focus       | metric                  | target | deadline   |
      | energizing | More small gifts online       | fundraising | online gifts from social and email | 800 | 2027-06-30 |
    And the team has 8 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the pain points include "fundraising"
    When the advisor assesses the profile
    Then "email_newsletter" is among the top 3 channels
    And "facebook_page" is among the top 3 channels
    And "doximity" is not among the top 3 channels
