Feature: Expert panel: research institutes and medical journals
  Dissemination to researchers and clinicians, and what already works, judged from sourced
  facts before the advisor was run.

  # Allen et al., PLOS One 2013: a social media release (blog, Facebook, X, LinkedIn) raised
  # article views and downloads; researchers follow research on professional and open networks.
  Scenario: a research institute with a small team disseminates on LinkedIn and its own content home
    Given a minimal "research_institute" profile
    And the organization's size is "small"
    And the audiences:
      | segment     | ages                | platforms                  | participation |
      | researchers | 30-49, 50-64        | linkedin, bluesky_mastodon | spectators    |
      | journalists | 30-49, 50-64        | linkedin, x_twitter        | spectators    |
    And the objectives:
      | kind    | goal                          | focus                  | metric                     | target | deadline   |
      | talking | Our findings reach the field  | research_dissemination | downloads from social links | 5000  | 2027-06-30 |
    And the team has 6 staff hours per week
    And the team has the skills "writing"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the pain points include "research_visibility"
    When the advisor assesses the profile
    Then "linkedin" is among the top 3 channels
    And "tiktok" is not among the top 3 channels
    And "facebook_group" is not among the top 3 channels
    And the plan holds at most 3 channels

  # Griffis et al., JMIR 2014: only a quarter of US teaching hospitals had more than 8,715
  # Facebook likes, so 450,000 X followers with good results is a rare asset to keep; Allen et al.,
  # PLOS One 2013: releases on X raised article views. The decline of clinician activity on X
  # (2022-24 reports) argues for a second network, not for dropping it.
  Scenario: a medical journal with a large, well-performing X following keeps X
    Given a minimal "medical_journal" profile
    And the organization's size is "medium"
    And the audiences:
      | segment     | ages                | career_stage | platforms                     | participation |
      | physicians  | 30-49, 50-64        | mid_career   | x_twitter, linkedin           | spectators    |
      | researchers | 30-49, 50-64        |              | x_twitter, bluesky_mastodon   | spectators    |
    And the objectives:
      | kind    | goal                                   | focus                  | metric                  | target | deadline   |
      | talking | Clinicians read our new issues online  | research_dissemination | article views from social | 100000 | 2027-06-30 |
    And the team has 12 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 1 days
    And the current channels:
      | channel   | result | followers | posts_per_week |
      | x_twitter | good   | 450000    | 14             |
    When the advisor assesses the profile
    Then "x_twitter" is among the top 3 channels
    And the plan keeps "x_twitter"
    And the tier of "x_twitter" is "recommended"
    And "x_twitter" is ranked above "bluesky_mastodon"
    And a reason for "x_twitter" cites the rule "technology.current.large-following"
    And the rule "constraints.platform.x-clinicians-leaving" does not fire
    And "tiktok" is not among the top 3 channels

  # Kelly et al., Acad Med 2022: a podcast is portable learning but needs audio skills and
  # clinician time; a team without audio skills cannot produce one yet.
  Scenario: a research institute without audio skills is told a podcast needs them first
    Given a minimal "research_institute" profile
    And the audiences:
      | segment     | ages         | career_stage | platforms | participation |
      | physicians  | 18-29, 30-49 | early_career | linkedin  | spectators    |
      | researchers | 30-49        |              | linkedin  | spectators    |
    And a measurable "talking" objective for "research_dissemination"
    And the team has 10 staff hours per week
    And the team has the skills "writing and design"
    And "resources.sme_hours_per_month" is 8
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then "podcast" is not among the top 3 channels
    And "podcast" is not recommended
    And "linkedin" is among the top 3 channels

  # HealthQuant (2023): physicians posting on X fell 13% and their posts 21% in a year; news
  # reports (2024) describe specialties moving to Bluesky. A journal whose own X results are
  # poor has its re-check answered the other way: fix or retire X, lead elsewhere.
  Scenario: a journal whose X account does poorly with clinicians is told to fix or retire it
    Given a minimal "medical_journal" profile
    And the audiences:
      | segment    | ages         | career_stage | platforms           | participation |
      | physicians | 30-49, 50-64 | mid_career   | linkedin, x_twitter | spectators    |
    And a measurable "talking" objective for "research_dissemination"
    And the team has 8 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 1 days
    And the current channels:
      | channel   | result | followers | posts_per_week |
      | x_twitter | poor   | 3000      | 7              |
    When the advisor assesses the profile
    Then the advice for "x_twitter" is to fix or retire it
    And "x_twitter" is not among the top 3 channels
    And the rule "constraints.platform.x-clinicians-leaving" fires
    And "linkedin" is among the top 3 channels
