Feature: Expert panel: pharmacists, donors, seniors and industry
  Audiences with well-documented habits, and an industry-affiliated sender, judged from sourced
  facts before the advisor was run.

  # JMIR 2016 (pharmacists in 9 countries): YouTube for self-education (lectures, how-to) and
  # Facebook for networking; they contribute very little content, so a posting community stalls.
  Scenario: a pharmacists' association publishes for viewers, not a community that needs posts
    Given a minimal "health_professional_association" profile
    And the audiences:
      | segment     | ages                | platforms                        | participation |
      | pharmacists | 30-49, 50-64        | youtube, facebook_page, email_newsletter | spectators |
    And a measurable "talking" objective for "cme_delivery"
    And the team has 12 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then "youtube" is among the top 3 channels
    And "member_community" is not among the top 3 channels
    And "physician_community" is not among the top 3 channels
    And "tiktok" is not among the top 3 channels

  # Global Trends in Giving (MediaPost 2022): about a third of mid-size and major donors prefer
  # email and 69% of donors want to be thanked by email; Pew 2025: TikTok reaches few over 65.
  Scenario: a health foundation courting major donors leads with email
    Given a minimal "health_foundation" profile
    And the audiences:
      | segment      | ages           | platforms                       | participation |
      | donors_major | 50-64, 65-plus | email_newsletter, facebook_page | spectators    |
    And the objectives:
      | kind       | goal                             | focus       | metric              | target  | deadline   |
      | energizing | Major gifts grow year on year    | fundraising | major gifts pledged | 2000000 | 2027-12-31 |
    And the team has 8 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 3 days
    And the pain points include "fundraising"
    When the advisor assesses the profile
    Then the top channel is "email_newsletter"
    And "tiktok" is not among the top 3 channels
    And "instagram" is not among the top 3 channels

  # Forrester's seniors data (Bernoff 2008) and the American Cancer Society's Cancer Survivors
  # Network: an older audience that strongly needs to connect sustains a community despite low
  # participation; Titgemeyer 2022: peers gather in Facebook groups.
  Scenario: older survivors who need each other get a peer group despite being spectators
    Given a minimal "patient_advocacy_nonprofit" profile
    And the audiences:
      | segment          | ages           | platforms                      | participation | need_to_connect |
      | patients_chronic | 65-plus        | facebook_page, facebook_group  | spectators    | true            |
    And a measurable "supporting" objective for "patient_education"
    And the strategy's approach is "join"
    And the team has 10 staff hours per week
    And the team has the skills "writing and community_management"
    And the resources' moderation is "business_hours"
    And content approval takes 1 days
    When the advisor assesses the profile
    Then "facebook_group" is among the top 3 channels
    And "tiktok" is not among the top 3 channels
    And "instagram" is not among the top 3 channels

  # FDA draft guidance (2014) on character-limited platforms: a benefit claim must carry the
  # most serious risks, the indication and a link; if that does not fit, do not use the
  # platform for that message. MLR review takes weeks (practitioner sources).
  Scenario: a manufacturer-affiliated education unit keeps product claims off X
    Given a minimal "industry_affiliated" profile
    And the organization is "promotes_regulated_products"
    And the audiences:
      | segment    | ages         | career_stage | platforms                   |
      | physicians | 30-49, 50-64 | mid_career   | linkedin, x_twitter, doximity |
    And a measurable "talking" objective for "awareness"
    And the team has 12 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 20 days
    And the bottleneck "legal_review_required" applies
    And the constraints include "fda_promotion"
    When the advisor assesses the profile
    Then "x_twitter" is not among the top 3 channels
    And "x_twitter" is not recommended
    And the rule "constraints.fda.character-limits" fires
