Feature: Technology rules: a demanded channel is not a reason; channels already run are evidence
  Technology comes last in POST. Each scenario pair proves a technology rule fires on its case
  and stays silent otherwise.

  Scenario: a channel leadership demands earns a warning, not points
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    And a measurable "talking" objective
    And the organization has to be on "x_twitter"
    When the advisor assesses the profile
    Then the rule "technology.required.not-a-reason" fires
    And a "warning" finding "required-channel-not-a-reason" is raised
    And "x_twitter" is not recommended

  Scenario: without a demanded channel there is nothing to warn about
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "technology.required.not-a-reason" does not fire

  Scenario: X demanded with no measurable objective is blocked until a use is named
    Given a minimal "medical_association" profile
    And a "talking" objective with no measure
    And the organization has to be on "x_twitter"
    When the advisor assesses the profile
    Then the rule "technology.required.x-needs-use-case" fires
    And "x_twitter" is blocked
    And the block on "x_twitter" lifts when "measurable objective"

  Scenario: X demanded alongside a measurable objective is not blocked by this rule
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    And the organization has to be on "x_twitter"
    When the advisor assesses the profile
    Then the rule "technology.required.x-needs-use-case" does not fire

  Scenario: another demanded channel does not trigger the X block
    Given a minimal "medical_association" profile
    And a "talking" objective with no measure
    And the organization has to be on "facebook_page"
    When the advisor assesses the profile
    Then the rule "technology.required.x-needs-use-case" does not fire
    And "x_twitter" is not blocked

  Scenario: three accounts and no measurable objective is activity without strategy
    Given a minimal "hospital" profile
    And a "talking" objective with no measure
    And the organization already runs "facebook_page"
    And the organization already runs "x_twitter"
    And the organization already runs "instagram"
    When the advisor assesses the profile
    Then the rule "technology.current.accounts-without-strategy" fires
    And a "warning" finding "accounts-without-strategy" is raised

  Scenario: two accounts are not yet a sprawl
    Given a minimal "hospital" profile
    And a "talking" objective with no measure
    And the organization already runs "facebook_page"
    And the organization already runs "x_twitter"
    When the advisor assesses the profile
    Then the rule "technology.current.accounts-without-strategy" does not fire

  Scenario: a channel with poor results is sent back through POST
    Given a minimal "medical_association" profile
    And the organization already runs "x_twitter" with "poor" results
    When the advisor assesses the profile
    Then the rule "technology.current.poor-results" fires
    And the rule "technology.current.x-poor" fires
    And a "info" finding "channel-poor-results" is raised

  Scenario: a channel with fair results is not flagged
    Given a minimal "medical_association" profile
    And the organization already runs "x_twitter" with "fair" results
    When the advisor assesses the profile
    Then the rule "technology.current.poor-results" does not fire
    And the rule "technology.current.x-poor" does not fire

  Scenario: a poor channel other than X does not lower X
    Given a minimal "medical_association" profile
    And the organization already runs "blog" with "poor" results
    When the advisor assesses the profile
    Then the rule "technology.current.poor-results" fires
    And the rule "technology.current.x-poor" does not fire

  Scenario: an account with no posts is dormant
    Given a minimal "health_foundation" profile
    And the current channels:
      | channel   | result  | posts_per_week |
      | instagram | unknown | 0              |
    When the advisor assesses the profile
    Then the rule "technology.current.dormant" fires
    And a "info" finding "dormant-account" is raised

  Scenario: an account that posts is not dormant
    Given a minimal "health_foundation" profile
    And the current channels:
      | channel   | result  | posts_per_week |
      | instagram | unknown | 2              |
    When the advisor assesses the profile
    Then the rule "technology.current.dormant" does not fire

  Scenario Outline: a channel that already works keeps its place
    Given a minimal "hospital" profile
    And the organization already runs "<channel>" with "good" results
    When the advisor assesses the profile
    Then the rule "technology.current.works" fires
    And "<channel>" is recommended
    And the plan keeps "<channel>"
    And a reason for "<channel>" mentions "own results are good"

    Examples:
      | channel          |
      | email_newsletter |
      | facebook_page    |
      | linkedin         |
      | youtube          |

  Scenario: a channel with only fair results earns no keep-what-works points
    Given a minimal "hospital" profile
    And the organization already runs "facebook_page" with "fair" results
    When the advisor assesses the profile
    Then the rule "technology.current.works" does not fire

  Scenario: a journal's large, well-performing X following is kept, not dropped
    Given a minimal "medical_journal" profile
    And an audience of "researchers"
    And the current channels:
      | channel    | result | followers | posts_per_week |
      | x_twitter  | good   | 450000    | 10             |
    When the advisor assesses the profile
    Then the rule "technology.current.works" fires
    And the rule "technology.current.following" fires
    And the tier of "x_twitter" is "recommended"
    And the plan keeps "x_twitter"
    And a reason for "x_twitter" mentions "450000 followers"

  Scenario: a following with poor results earns nothing and is up for fixing or retiring
    Given a minimal "hospital" profile
    And the current channels:
      | channel    | result | followers | posts_per_week |
      | x_twitter  | poor   | 5000      | 3              |
    When the advisor assesses the profile
    Then the rule "technology.current.following" does not fire
    And the advice for "x_twitter" is to fix or retire it

  Scenario: results nobody measured are asked for, not guessed
    Given a minimal "hospital" profile
    And the organization already runs "facebook_page"
    When the advisor assesses the profile
    Then the rule "technology.current.results-unknown" fires
    And the rule "technology.current.works" does not fire
    And a "info" finding "channel-results-unknown" is raised
