Feature: Expert panel: unknown audiences, unknown inputs and audiences that pull apart
  People first, unknown is not zero, one audience's penalty does not remove another's
  channel. Judged from sourced facts before the advisor was run.

  # Pew Research Center 2025: about eight in ten adults under 30 use Instagram, few over 65 do;
  # Facebook and YouTube reach a majority of every age group. The young audience's channel stays
  # on the list even though the older audience does not use it.
  Scenario: a hospital with older patients and young job candidates keeps Instagram for the young
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    And the audiences:
      | segment        | ages    | platforms                | participation |
      | local_public   | 65-plus | facebook_page            | spectators    |
      | job_candidates | 18-29   | instagram, linkedin      | spectators    |
    And the objectives:
      | kind    | goal                             | focus             | metric                   | target | deadline   |
      | talking | Young nurses apply to work here  | staff_recruitment | applications from social | 120    | 2027-06-30 |
    And the team has 12 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then "instagram" is ranked
    And "facebook_page" is among the top 3 channels
    And "linkedin" is among the top 3 channels

  # Bernoff 2007 (POST): don't start until you know the audience's capabilities; Altimeter 2013:
  # Dell listened for nine months before launching a presence.
  Scenario: a research institute that cannot say who its audience is listens first
    Given a minimal "research_institute" profile
    And the organization has no audiences
    And a measurable "talking" objective for "research_dissemination"
    And the team has 8 staff hours per week
    And the team has the skills "writing and analytics"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then a finding "audience-unknown" is raised
    And "listening" is among the top 3 channels
    And "tiktok" is not among the top 3 channels

  # CDC social media toolkit (2011): resources and capacity are asked, not assumed; hours,
  # approval time, expert time and moderation never given are questions, not zeros.
  Scenario: an association that never said its approval time, expert time or moderation is asked for them
    Given a minimal "medical_association" profile
    And the audiences:
      | segment    | ages         | career_stage | platforms          |
      | physicians | 30-49, 50-64 | mid_career   | linkedin, doximity |
    And a measurable "talking" objective for "cme_enrolment"
    And the team has 10 staff hours per week
    And the team has the skills "writing"
    When the advisor assesses the profile
    Then a finding "ask-approval-days" is raised
    And a finding "ask-sme-hours" is raised
    And a finding "ask-moderation" is raised
    And "x_twitter" is not blocked
    And the profile is ready
