Feature: A community hospital with unanswered reviews and no crisis plan
  Its public is local and older; patients read reviews; approvals take five days and it has an
  emergency department but no crisis plan.

  Background:
    Given the profile "profiles/hospital.yaml"

  Scenario: the local public is served by the Facebook page and review sites
    When the advisor assesses the profile
    Then "facebook_page" is among the top 2 channels
    And "review_sites" is among the top 2 channels
    And a reason for "review_sites" mentions "$30,000"

  Scenario: five-day approvals keep the hospital off reactive channels, and HIPAA alone is no pre-approval regime
    When the advisor assesses the profile
    Then "x_twitter" is not recommended
    And no finding "compliance-and-speed" is raised

  Scenario: an emergency role without a crisis plan is warned, and viral launches wait
    When the advisor assesses the profile
    Then a "warning" finding "crisis-plan-missing" is raised
    And "tiktok" is blocked
    And the block on "tiktok" lifts when "escalation plan"

  Scenario: IT blocking social media at work is named with the case for access
    When the advisor assesses the profile
    Then a "warning" finding "it-blocks-social" is raised

  Scenario: nursing vacancies are advertised on LinkedIn
    When the advisor assesses the profile
    Then "linkedin" is recommended
    And a reason for "linkedin" cites the rule "pain_points.recruitment.staff"
