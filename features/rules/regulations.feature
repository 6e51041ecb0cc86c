Feature: Regulation rules: HIPAA marketing, FTC endorsements and reviews, COPPA, public bodies, accessibility, non-US privacy law, platform ad policies
  The regulations a client will be asked about. Each rule fires on its case and stays silent
  otherwise.

  Scenario: a HIPAA-covered hospital that energizes supporters needs marketing authorizations
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    And a measurable "energizing" objective
    When the advisor assesses the profile
    Then the rule "constraints.hipaa.marketing-authorization" fires
    And the precondition "hipaa-marketing-authorization" is stated
    And the finding "hipaa-marketing-authorization" mentions "authorization"

  Scenario: a covered hospital that only listens is not told about marketing authorizations
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    And a measurable "listening" objective
    When the advisor assesses the profile
    Then the rule "constraints.hipaa.marketing-authorization" does not fire

  Scenario: a foundation outside HIPAA raising funds is not told about HIPAA authorizations
    Given a minimal "health_foundation" profile
    And the organization is not "hipaa_covered"
    And a measurable "energizing" objective for "fundraising"
    When the advisor assesses the profile
    Then the rule "constraints.hipaa.marketing-authorization" does not fire

  Scenario: ambassadors and employees must disclose their connection
    Given a minimal "medical_association" profile
    And a measurable "energizing" objective
    When the advisor assesses the profile
    Then the rule "constraints.ftc.endorsement-disclosure" fires
    And the precondition "disclose-material-connection" is stated

  Scenario: an employee audience brings the endorsement rules too
    Given a minimal "hospital" profile
    And an audience of "employees"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "constraints.ftc.endorsement-disclosure" fires

  Scenario: a listening-only strategy without employees or ambassadors needs no disclosure rule
    Given a minimal "research_institute" profile
    And an audience of "researchers"
    And a measurable "listening" objective
    When the advisor assesses the profile
    Then the rule "constraints.ftc.endorsement-disclosure" does not fire

  Scenario: a review problem brings the FTC consumer-reviews rule
    Given a minimal "hospital" profile
    And the pain points include "online_reviews"
    When the advisor assesses the profile
    Then the rule "constraints.ftc.consumer-reviews-rule" fires
    And the precondition "ftc-review-rule" is stated for "review_sites"

  Scenario: no reviews, no reputation focus, no review rule
    Given a minimal "cme_provider" profile
    And the pain points include "cme_enrolment_low"
    When the advisor assesses the profile
    Then the rule "constraints.ftc.consumer-reviews-rule" does not fire

  Scenario: an audience with minors brings COPPA
    Given a minimal "patient_advocacy_nonprofit" profile
    And the audiences:
      | segment          | ages            |
      | patients_chronic | under-18, 18-29 |
    When the advisor assesses the profile
    Then the rule "constraints.coppa.children" fires
    And a "warning" finding "children-audience" is raised
    And the finding "children-audience" mentions "parental consent"

  Scenario: adult audiences do not bring COPPA
    Given a minimal "patient_advocacy_nonprofit" profile
    And the audiences:
      | segment          | ages         |
      | patients_chronic | 30-49, 50-64 |
    When the advisor assesses the profile
    Then the rule "constraints.coppa.children" does not fire

  Scenario: a public health agency posts viewpoint-neutral comment rules and meets the ADA web rule
    Given a minimal "public_health_agency" profile
    When the advisor assesses the profile
    Then the rule "constraints.public-body.comment-rules" fires
    And the precondition "public-comment-policy" is stated
    And the rule "constraints.accessibility.ada-title-ii" fires
    And the finding "ada-title-ii-web-rule" mentions "April 26, 2027"

  Scenario: a private hospital is not under the public-body rules
    Given a minimal "hospital" profile
    When the advisor assesses the profile
    Then the rule "constraints.public-body.comment-rules" does not fire
    And the rule "constraints.accessibility.ada-title-ii" does not fire

  Scenario: every organization that publishes gets the accessibility checklist
    Given a minimal "small_nonprofit" profile
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "constraints.accessibility.wcag" fires
    And the precondition "accessible-posts" is stated

  Scenario: without objectives there is nothing to publish yet
    Given a minimal "small_nonprofit" profile
    And the organization has no objectives
    When the advisor assesses the profile
    Then the rule "constraints.accessibility.wcag" does not fire

  Scenario Outline: outside the US the advisor names the law that applies instead of HIPAA
    Given a minimal "hospital" profile
    And the organization's country is "<country>"
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And a "warning" finding "<finding>" is raised
    And the rule "constraints.privacy.other-country" does not fire

    Examples:
      | country | rule                        | finding         |
      | DE      | constraints.privacy.gdpr-eu | gdpr-applies    |
      | NO      | constraints.privacy.gdpr-eu | gdpr-applies    |
      | GB      | constraints.privacy.uk-gdpr | uk-gdpr-applies |
      | CA      | constraints.privacy.pipeda  | pipeda-applies  |
      | BR      | constraints.privacy.lgpd    | lgpd-applies    |

  Scenario: another country is told to check local law, not US law
    Given a minimal "hospital" profile
    And the organization's country is "JP"
    When the advisor assesses the profile
    Then the rule "constraints.privacy.other-country" fires
    And the finding "check-local-law" mentions "JP"
    And the rule "constraints.privacy.gdpr-eu" does not fire

  Scenario: a US organization gets none of the non-US privacy findings
    Given a minimal "hospital" profile
    And the organization's country is "US"
    When the advisor assesses the profile
    Then the rule "constraints.privacy.other-country" does not fire
    And the rule "constraints.privacy.gdpr-eu" does not fire
    And the rule "constraints.privacy.uk-gdpr" does not fire
    And the rule "constraints.privacy.pipeda" does not fire
    And the rule "constraints.privacy.lgpd" does not fire

  Scenario: a budget for paid promotion brings the platforms' health-ad policies
    Given a minimal "hospital" profile
    And the resources' budget_per_year is 5000
    When the advisor assesses the profile
    Then the rule "constraints.platforms.health-ads" fires
    And the precondition "meta-health-ad-policy" is stated for "facebook_page"
    And the precondition "linkedin-health-ad-policy" is stated for "linkedin"

  Scenario: a paid-media skill counts as well
    Given a minimal "hospital" profile
    And the team has the skills "writing and paid_media"
    When the advisor assesses the profile
    Then the rule "constraints.platforms.health-ads" fires

  Scenario: no budget and no paid-media skill, no ad-policy preconditions
    Given a minimal "hospital" profile
    And the team has the skills "writing"
    When the advisor assesses the profile
    Then the rule "constraints.platforms.health-ads" does not fire
