Feature: Expert panel: governance before growth
  Scattered accounts, no comment policy, building a community without the hours, judged from
  sourced facts before the advisor was run.

  # Altimeter 2013 (Owyang): decentralized programs create unmanaged sprawl that must be cleaned
  # up later; a hub-and-spoke step (inventory, policy, templates) comes before new channels.
  Scenario: a health system whose departments each run accounts is told to organize first
    Given a minimal "hospital" profile
    And the organization's size is "large"
    And the organization is "hipaa_covered"
    And the audiences:
      | segment          | ages                  | platforms              |
      | patients_general | 30-49, 50-64, 65-plus | facebook_page, youtube |
    And a measurable "talking" objective for "patient_education"
    And the team has 20 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "business_hours"
    And content approval takes 3 days
    And the bottleneck "scattered_accounts" applies
    And the current channels:
      | channel       | result  | followers | posts_per_week |
      | facebook_page | fair    | 6000      | 3              |
      | x_twitter     | none    | 400       | 0              |
      | instagram     | unknown | 900       | 1              |
    When the advisor assesses the profile
    Then a "warning" finding "hub-and-spoke-first" is raised
    And the plan keeps "facebook_page"
    And "x_twitter" is not among the top 3 channels

  # Munson Healthcare and HSC Health comment policies, Mayo Clinic Connect guidelines: a health
  # community needs a published policy (patient details, misinformation, ads, harassment,
  # hours) before it opens.
  Scenario: an association without a comment policy waits to open its member community
    Given a minimal "medical_association" profile
    And the audiences:
      | segment | ages         | platforms        | participation      | need_to_connect |
      | members | 30-49, 50-64 | email_newsletter | conversationalists | true            |
    And a measurable "supporting" objective for "member_engagement"
    And the team has 20 staff hours per week
    And the team has the skills "writing and community_management"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the bottleneck "no_social_policy" applies
    And the pain points include "member_engagement_low"
    When the advisor assesses the profile
    Then "member_community" is blocked
    And the block on "member_community" lifts when "policy"
    And the tier of "member_community" is "not now"

  # Kanter's time chart (2008, via Sherman 2010): building a community takes 5-10 hours a week;
  # a team of 4 hours that wants to build its own is told to join existing communities instead.
  Scenario: a small association that wants to build a community with 4 hours a week is told to join instead
    Given a minimal "health_professional_association" profile
    And the audiences:
      | segment | ages         | platforms                      | participation | need_to_connect |
      | nurses  | 30-49, 50-64 | facebook_page, facebook_group  | joiners       | true            |
    And a measurable "supporting" objective for "member_engagement"
    And the strategy's approach is "build"
    And the team has 4 staff hours per week
    And the team has the skills "writing and community_management"
    And the resources' moderation is "business_hours"
    And content approval takes 1 days
    When the advisor assesses the profile
    Then a "warning" finding "build-without-capacity" is raised
    And "member_community" is not recommended
    And the plan holds at most 2 channels
