Feature: A county public health department facing misinformation
  The public of every age is reached on YouTube and Facebook; rumours must be heard early; an
  emergency role needs a followed channel before the next outbreak.

  Background:
    Given the profile "profiles/public-health-agency.yaml"

  Scenario: credible video and the Facebook page lead, with listening close behind
    When the advisor assesses the profile
    Then the top channel is "youtube"
    And "facebook_page" is among the top 2 channels
    And "listening" is among the top 3 channels

  Scenario: seniors in the audience keep TikTok and Instagram down
    When the advisor assesses the profile
    Then "tiktok" is not recommended
    And the rule "people.age.seniors" fires

  Scenario: legal review means answers come from a pre-approved library
    When the advisor assesses the profile
    Then the rule "bottlenecks.realtime.not-ready" fires
    And "x_twitter" is not recommended

  Scenario: the emergency role is covered and misinformation is answered with viewpoint-neutral comment rules
    When the advisor assesses the profile
    Then the rule "constraints.emergency.realtime-channel" fires
    And the rule "pain_points.misinformation.public-body" fires
    And the rule "pain_points.misinformation.answer" does not fire
    And the precondition "viewpoint-neutral-comment-rules" is stated
    And the precondition "misinformation-policy" is not stated
    And no finding "crisis-plan-missing" is raised
