Feature: Expert panel: medical and nursing associations
  Members, continuing education and advocacy, judged from sourced facts before the advisor
  was run.

  # Higher Logic 2024 association community benchmark and Associations Now 2023: private member
  # communities with email digests carry member engagement; networking is the top reason to join.
  Scenario: a specialty society with disengaged members builds a private community with digests
    Given a minimal "medical_association" profile
    And the organization's size is "medium"
    And the audiences:
      | segment    | ages         | career_stage | platforms                  | participation      | need_to_connect |
      | members    | 30-49, 50-64 | mid_career   | email_newsletter, linkedin | conversationalists | true            |
      | physicians | 30-49, 50-64 | mid_career   | linkedin, doximity         | spectators         | false           |
    And the objectives:
      | kind       | goal                                 | focus             | metric                          | target | deadline   |
      | supporting | Members answer each other's questions | member_engagement | monthly active contributors     | 150    | 2027-06-30 |
    And the team has 20 staff hours per week
    And the team has the skills "writing, community_management and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the pain points include "member_engagement_low and member_retention"
    When the advisor assesses the profile
    Then "member_community" is among the top 3 channels
    And "tiktok" is not among the top 3 channels
    And "pinterest" is not among the top 3 channels

  # Pizzuti et al., PLOS One 2020 (hospital practitioners, 75% nurses): Facebook was the most
  # accessed platform and the leading one for education; nurses rarely use X professionally.
  Scenario: a nursing association recruits nurses where they already learn
    Given a minimal "health_professional_association" profile
    And the audiences:
      | segment             | ages                | platforms                | participation |
      | nurses              | 18-29, 30-49, 50-64 | facebook_page, instagram | spectators    |
      | prospective_members | 18-29, 30-49        | facebook_page, instagram | spectators    |
    And the objectives:
      | kind    | goal                         | focus              | metric      | target | deadline   |
      | talking | More nurses join the association | member_recruitment | new members | 400    | 2027-06-30 |
    And the team has 8 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then "facebook_page" is among the top 3 channels
    And "x_twitter" is not among the top 3 channels
    And "doximity" is not among the top 3 channels

  # CMF #SocialCongress 2015: fewer than 30 similar constituent comments get a lawmaker's
  # attention and a 6-hour-old comment is read far more than a week-old one: advocacy needs
  # members mobilized fast, by email alerts, and approval measured in hours.
  Scenario: an association that lobbies mobilizes members by email, with fast approval
    Given a minimal "medical_association" profile
    And the audiences:
      | segment      | ages         | platforms                   | participation      |
      | members      | 30-49, 50-64 | email_newsletter, facebook_page | conversationalists |
      | policymakers | 30-49, 50-64 | x_twitter, facebook_page    | spectators         |
    And the objectives:
      | kind       | goal                                    | focus    | metric                       | target | deadline   |
      | energizing | Members comment on lawmakers' posts fast | advocacy | identifiable member comments | 500    | 2027-03-31 |
    And the team has 12 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 1 days
    And the pain points include "advocacy_influence"
    When the advisor assesses the profile
    Then "email_newsletter" is among the top 3 channels
    And "tiktok" is not among the top 3 channels
    And the rule "people.policymakers.mobilize" fires

  # Pew 2025: Instagram and TikTok skew young (most adults under 30 use Instagram); TikTok
  # needs weekly original video, which this team cannot make yet.
  Scenario: an association recruiting students and residents uses Instagram; TikTok waits for video skills
    Given a minimal "medical_association" profile
    And the audiences:
      | segment             | ages  | career_stage | platforms                   | participation |
      | prospective_members | 18-29 | resident     | instagram, tiktok, youtube  | spectators    |
      | students            | 18-29 | student      | instagram, tiktok           | creators      |
    And the objectives:
      | kind    | goal                            | focus              | metric                 | target | deadline   |
      | talking | Residents and students join us  | member_recruitment | student and resident joins | 600 | 2027-06-30 |
    And the team has 10 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the pain points include "member_recruitment_young"
    When the advisor assesses the profile
    Then the top channel is "instagram"
    And the tier of "tiktok" is "not now"
    And "tiktok" needs "video skills"
