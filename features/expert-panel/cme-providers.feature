Feature: Expert panel: accredited CME providers
  Enrolment, delivery and independence from ineligible companies, judged from sourced facts
  before the advisor was run.

  # O'Brien Pott et al., BMC Med Educ 2021 (500 physicians, NPs and PAs): clinicians find CME
  # by online search (70%) and by direct email and professional associations (each over 50%);
  # Lundberg and Sutton 2010: 71% of CME social users were on Twitter, yet nobody could name a
  # Twitter success.
  Scenario: a CME provider with falling enrolment leads with email, not X
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    And the audiences:
      | segment     | ages                | career_stage | platforms                  | participation |
      | cme_learners | 30-49, 50-64       | mid_career   | email_newsletter, linkedin | spectators    |
      | physicians  | 30-49, 50-64, 65-plus | mixed      | linkedin, doximity         | spectators    |
    And the objectives:
      | kind       | goal                         | focus         | metric      | target | deadline   |
      | energizing | Fill our online CME courses  | cme_enrolment | enrolments  | 2000   | 2027-06-30 |
    And the team has 8 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 3 days
    And the pain points include "cme_enrolment_low"
    And the constraints include "accme_independence"
    When the advisor assesses the profile
    Then the top channel is "email_newsletter"
    And "x_twitter" is not among the top 3 channels
    And "tiktok" is not among the top 3 channels

  # ACCME Standard 5 and the ACCME FAQ on online platforms (2024): accredited education must
  # not sit next to ineligible-company marketing, and social case discussions open with a notice
  # asking ineligible-company staff to leave or identify themselves.
  Scenario: an accredited provider that accepts commercial support keeps supporters out of education
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    And the organization is "accepts_commercial_support"
    And the audiences:
      | segment      | ages         | platforms                  |
      | cme_learners | 30-49, 50-64 | email_newsletter, linkedin |
    And a measurable "talking" objective for "cme_delivery"
    And the team has 10 staff hours per week
    And the team has the skills "writing, design and live_events"
    And the resources' moderation is "business_hours"
    And content approval takes 3 days
    And the constraints include "accme_independence and commercial_support_separation"
    When the advisor assesses the profile
    Then the rule "constraints.accme.ad-adjacency" fires
    And the rule "constraints.accme.commercial-support" fires
    And "email_newsletter" is among the top 3 channels

  # Kelly et al., Acad Med 2022 (scoping review of 62 studies): podcasts are a top learning
  # resource for residents and retention is no worse than traditional teaching; a team with audio
  # skills and clinician time can deliver CME that way.
  Scenario: a CME provider with audio skills and faculty time delivers learning as a podcast
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    And the audiences:
      | segment      | ages         | career_stage | platforms        | participation |
      | cme_learners | 18-29, 30-49 | resident     | email_newsletter | spectators    |
    And the objectives:
      | kind    | goal                               | focus        | metric               | target | deadline   |
      | talking | Residents learn on their commute   | cme_delivery | credits claimed      | 1500   | 2027-06-30 |
    And the team has 15 staff hours per week
    And the team has the skills "writing, audio and design"
    And "resources.sme_hours_per_month" is 10
    And the resources' moderation is "business_hours"
    And content approval takes 3 days
    And the pain points include "cme_completion_low"
    And the constraints include "accme_independence"
    When the advisor assesses the profile
    Then "podcast" is among the top 3 channels
    And "x_twitter" is not among the top 3 channels

  # Bernoff 2007 (POST): a demanded channel is not a reason; Lundberg and Sutton 2010: nobody
  # in a CME audience could name a successful Twitter example.
  Scenario: a CME provider whose board demands X is told a demand is not a reason
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    And the audiences:
      | segment      | ages         | platforms        |
      | cme_learners | 30-49, 50-64 | email_newsletter |
    And a measurable "energizing" objective for "cme_enrolment"
    And the team has 6 staff hours per week
    And the team has the skills "writing"
    And the resources' moderation is "business_hours"
    And content approval takes 3 days
    And the organization has to be on "x_twitter"
    When the advisor assesses the profile
    Then a finding "required-channel-not-a-reason" is raised
    And "x_twitter" is not among the top 3 channels
    And "x_twitter" is not recommended
