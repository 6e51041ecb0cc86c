Feature: Expert panel: small not-for-profits with a few hours a week
  One coordinator with three or four hours a week: one or two networks at most, keep what
  already works, nothing the team cannot make. Judged from sourced facts before the advisor was run.

  # Mansfield, Mobile for Good (NPTech for Good 2015): small nonprofits without a media manager
  # should limit themselves to one or two social networks and put the website and email first.
  Scenario: a diabetes support charity with 3 hours a week keeps its Facebook page and plans little
    Given a minimal "small_nonprofit" profile
    And the organization's size is "micro"
    And the audiences:
      | segment          | ages           | platforms                       | participation | need_to_connect |
      | patients_chronic | 50-64, 65-plus | facebook_page, email_newsletter | spectators    | true            |
    And the objectives:
      | kind       | goal                                       | metric                     | target | deadline   |
      | supporting | People find peer support between clinic visits | people attending sessions | 120  | 2027-06-30 |
    And the team has 3 staff hours per week
    And the team has the skills "writing"
    And the resources' moderation is "none"
    And content approval takes 1 days
    And the current channels:
      | channel       | result | followers | posts_per_week |
      | facebook_page | fair   | 900       | 2              |
    When the advisor assesses the profile
    Then the plan keeps "facebook_page"
    And the plan holds at most 2 channels
    And the plan uses at most 3 staff hours per week
    And "member_community" is not among the top 3 channels

  # The tier definition (docs/advice.md): a skill alone never recommends a channel. Pinterest's
  # health audience is nurses and women planners (Pizzuti 2020), not this charity's donors.
  Scenario: a small charity with design skills is not sent to Pinterest on the strength of its skills
    Given a minimal "small_nonprofit" profile
    And the audiences:
      | segment      | ages         | platforms                       |
      | donors_small | 30-49, 50-64 | facebook_page, email_newsletter |
    And a measurable "energizing" objective for "fundraising"
    And the team has 3 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "none"
    And content approval takes 1 days
    And the pain points include "fundraising"
    When the advisor assesses the profile
    Then "pinterest" is not recommended
    And "pinterest" is not among the top 3 channels
    And "email_newsletter" is among the top 3 channels
    And the plan holds at most 2 channels

  # Kanter's time chart (via NPTech for Good 2015) and the channel catalogue: weekly original
  # video takes more than three hours and video skills; a team without either is not told to
  # lead with YouTube, whatever its patients watch.
  Scenario: a three-hour team with no video skills is not told to lead with YouTube
    Given a minimal "small_nonprofit" profile
    And the audiences:
      | segment          | ages                  | platforms              |
      | patients_chronic | 30-49, 50-64, 65-plus | youtube, facebook_page |
    And a measurable "talking" objective for "patient_education"
    And the team has 3 staff hours per week
    And the team has the skills "writing"
    And the resources' moderation is "none"
    And content approval takes 1 days
    And the pain points include "patient_education_gap"
    When the advisor assesses the profile
    Then "youtube" is not among the top 1 channels
    And the tier of "youtube" is "not now"
    And "youtube" needs "video skills"
    And the plan holds at most 2 channels
