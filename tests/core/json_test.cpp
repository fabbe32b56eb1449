// The generic JSON conversion: round trips of every type, evolution, and bad input.
#include "fixtures.hpp"

#include <limits>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

template <class T>
void expect_round_trip(const T& v) {
    const std::string once = json::to_string(v);
    const T back = json::from_string<T>(once, {.reject_unknown_fields = true});
    EXPECT_EQ(json::to_string(back), once);
}

error json_error(std::string_view text) {
    return error_of([&] { json::from_string<Case>(text); });
}

// A member named after a C++ keyword carries a trailing underscore that documents drop.
struct KeywordMembers {
    std::string case_;
    int default_ = 0;
};
BOOST_DESCRIBE_STRUCT(KeywordMembers, (), (case_, default_))

std::string samira_json() { return json::to_string(samira()); }

void replace(std::string& s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    s.replace(at, from.size(), to);
}

}  // namespace

TEST(Json, WorkedExampleCaseRoundTrips) { expect_round_trip(samira()); }

TEST(Json, EveryDocumentTypeRoundTrips) {
    const Case c = samira();
    const Policy policy;
    expect_round_trip(policy);
    expect_round_trip(default_catalogue());
    expect_round_trip(minimum_requirements(c));
    expect_round_trip(retention_decision(c, d(2017, 4, 1), policy));
    expect_round_trip(summarise(c));
    expect_round_trip(caseload({summarise(c)}, policy));
    expect_round_trip(compare_assessments(c.assessments.front(), c.assessments.back()));
    expect_round_trip(check_plan(c.plans.back(), policy));
    expect_round_trip(screening_recommendation(*c.screening, policy));
    expect_round_trip(AuditRecord{"2026-11-23T10:00:00Z", "fk-1", Role::team_lead, "X", Operation::query, false, "access_denied"});
    expect_round_trip(CaseQuery{std::string("fk-1"), Phase::planning, CaseKind::cm, true, false, d(2020, 1, 1), std::nullopt, 10});
    EligibilityInput in;
    in.intake_date = d(2020, 1, 1);
    in.birth_date = d(2001, 2, 3);
    in.preventive_justification = FreeText("präventiv");
    in.postcode = "01067";
    expect_round_trip(in);
}

TEST(Json, DatesAreIso8601AndEnumsAreNames) {
    const std::string s = samira_json();
    EXPECT_NE(s.find(R"("opened":"2016-09-12")"), std::string::npos);
    EXPECT_NE(s.find(R"("reason":"ended_by_young_person")"), std::string::npos);
    EXPECT_NE(s.find(R"("schema":1)"), std::string::npos);
}

TEST(Json, AbsentOptionalMemberKeepsDefaultAndNullClearsIt) {
    EXPECT_EQ(json::from_string<Policy>(R"({"schema":1})").guardian_consent_below_age, 16);
    EXPECT_FALSE(json::from_string<Policy>(R"({"schema":1,"guardian_consent_below_age":null})").guardian_consent_below_age);
}

TEST(Json, OlderDocumentWithoutListsAndOptionalsLoads) {
    const Case c = json::from_string<Case>(
        R"({"schema":1,"id":"A","version":3,"office":"JMD","case_worker":"fk","kind":"cm","phase":"intake",
            "opened":"2020-01-01","last_activity":"2020-01-02"})");
    EXPECT_EQ(c.version, 3);
    EXPECT_TRUE(c.plans.empty());
    EXPECT_FALSE(c.consent);
}

TEST(Json, NewerDocumentWithUnknownFieldsLoadsAndStrictModeNamesTheField) {
    std::string s = samira_json();
    replace(s, R"("office":"JMD Frankfurt am Main")", R"("office":"JMD Frankfurt am Main","future_field":{"x":1})");
    EXPECT_EQ(json::from_string<Case>(s).id, "JMD-FFM-2016-0042");
    auto e = error_of([&] { json::from_string<Case>(s, {.reject_unknown_fields = true}); });
    EXPECT_EQ(e.code(), errc::json_unknown_field);
    EXPECT_EQ(e.field(), "$.future_field");
}

TEST(Json, WrongTypeNamesTheJsonPath) {
    std::string s = samira_json();
    replace(s, R"("priority":1)", R"("priority":"high")");
    auto e = json_error(s);
    EXPECT_EQ(e.code(), errc::json_type);
    EXPECT_EQ(e.field(), "$.plans[0].goals[0].priority");
    EXPECT_NE(std::string(e.what()).find("expected an integer, got string"), std::string::npos);
}

TEST(Json, UnknownEnumValueListsTheAllowedNames) {
    std::string s = samira_json();
    replace(s, R"("reason":"ended_by_young_person")", R"("reason":"bored")");
    auto e = json_error(s);
    EXPECT_EQ(e.code(), errc::json_bad_enum);
    EXPECT_EQ(e.field(), "$.closure.reason");
    EXPECT_NE(std::string(e.what()).find("goals_reached"), std::string::npos);
}

TEST(Json, MissingRequiredFieldNamesThePath) {
    std::string s = samira_json();
    replace(s, R"("goal_id":"G3","achievement")", R"("achievement")");
    auto e = json_error(s);
    EXPECT_EQ(e.code(), errc::json_missing_field);
    EXPECT_EQ(e.field(), "$.reviews[0].goal_id");
}

TEST(Json, TrailingUnderscoreOfKeywordMembersIsDroppedFromKeys) {
    EXPECT_EQ(json::to_string(KeywordMembers{"C-1", 2}), R"({"case":"C-1","default":2})");
    expect_round_trip(KeywordMembers{"C-1", 2});
    const auto e = error_of([] { json::from_string<KeywordMembers>(R"({"case_":"C-1","default":2})"); });
    EXPECT_EQ(e.field(), "$.case");
    EXPECT_EQ(e.code(), errc::json_missing_field);
}

TEST(Json, ImpossibleDateIsRejectedWithItsPath) {
    std::string s = samira_json();
    replace(s, R"("opened":"2016-09-12")", R"("opened":"2016-02-30")");
    auto e = json_error(s);
    EXPECT_EQ(e.code(), errc::json_bad_date);
    EXPECT_EQ(e.field(), "$.opened");
    for (const char* bad : {"12.10.2016", "2016-1-05", "2016-13-01", "1399-01-01", "2016-10-05T00:00"})
        EXPECT_FALSE(parse_iso(bad)) << bad;
    EXPECT_EQ(parse_iso("2016-02-29"), d(2016, 2, 29));
    EXPECT_FALSE(parse_iso("2017-02-29"));
}

TEST(Json, WrongOrMissingSchemaVersionIsRefusedFirst) {
    auto e = json_error(R"({"schema":2,"id":"A"})");
    EXPECT_EQ(e.code(), errc::json_schema_version);
    EXPECT_EQ(e.field(), "$.schema");
    EXPECT_EQ(json_error(R"({"id":"A"})").code(), errc::json_schema_version);
    EXPECT_EQ(json_error(R"({"schema":"1"})").code(), errc::json_type);
}

TEST(Json, SyntaxErrorsAndTrailingDataAreReported) {
    EXPECT_EQ(json_error(R"({"schema":1,)").code(), errc::json_syntax);
    EXPECT_EQ(json_error(R"({"schema":1} {})").code(), errc::json_syntax);
    EXPECT_EQ(json_error("").code(), errc::json_syntax);
    EXPECT_EQ(json_error("[1,2]").code(), errc::json_type);
}

TEST(Json, NumbersOutOfRangeOrFractionalAreRejected) {
    std::string s = samira_json();
    replace(s, R"("priority":1)", R"("priority":99999999999)");
    EXPECT_EQ(json_error(s).code(), errc::json_out_of_range);
    replace(s, R"("priority":99999999999)", R"("priority":1.5)");
    EXPECT_EQ(json_error(s).code(), errc::json_type);
}

TEST(Json, DeepNestingAndOversizedDocumentsFailCleanly) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_EQ(json_error(deep).code(), errc::json_syntax);
    EXPECT_EQ(error_of([] { json::parse(std::string(2048, ' '), 1024); }).code(), errc::json_syntax);
}

TEST(Json, NumbersAreWrittenAsTheShortestDecimalThatReadsBack) {
    GasScore s;
    s.goal_id = "G1";
    s.weight = 60;
    EXPECT_NE(json::to_string(s).find("\"weight\":60"), std::string::npos) << json::to_string(s);   // not 6E1
    s.weight = 0.1;
    EXPECT_EQ(json::from_string<GasScore>(json::to_string(s)).weight, 0.1);
    s.weight = std::numeric_limits<double>::quiet_NaN();   // JSON has no NaN: null, never invalid text
    EXPECT_NE(json::to_string(s).find("\"weight\":null"), std::string::npos);
}

TEST(Json, NonAsciiTextSurvivesUnchanged) {
    Intake in;
    in.first_contact = d(2020, 1, 1);
    in.concern = "Aufenthaltsgestattung für Samira; سمیرا";
    const Intake back = json::from_string<Intake>(json::to_string(in));
    EXPECT_EQ(back.concern.text, "Aufenthaltsgestattung für Samira; سمیرا");
}

TEST(Json, QuotesBackslashesAndControlCharactersAreEscaped) {
    Intake in;
    in.first_contact = d(2020, 1, 1);
    in.concern = std::string("sagt \"nein\" \\ dann\nZeile\tTab\x01\x1f Ende");
    const std::string text = json::to_string(in);
    EXPECT_EQ(text.find('\n'), std::string::npos);
    EXPECT_EQ(json::parse(text).as_object().at("concern").as_string(), in.concern.text);
    EXPECT_EQ(json::from_string<Intake>(text).concern.text, in.concern.text);
    EXPECT_EQ(json::to_value(in).as_object().at("first_contact").as_string(), "2020-01-01");
}

// Issue 14: a host leaves out what has an obvious empty value; what a rule needs stays required.
TEST(Json, AHostMayLeaveOutFreeTextBoolsAndEmptyTextButNotDatesIdsOrEnums) {
    const json::ReadOptions strict{.reject_unknown_fields = true};
    const auto entry = json::from_string<JournalEntry>(R"({"date":"2020-01-01","kind":"phone","topic":"counselling"})", strict);
    EXPECT_TRUE(entry.with_young_person);   // the member's default
    EXPECT_TRUE(entry.with_whom.text.empty() && entry.note.text.empty());
    const auto closure = json::from_string<Closure>(R"({"date":"2020-01-01","reason":"goals_reached"})", strict);
    EXPECT_TRUE(closure.by_consensus && !closure.continue_as_counselling && closure.referred_to.empty() && closure.remark.text.empty());
    const auto release = json::from_string<Release>(R"({"id":"F1","recipient":"Jobcenter","granted_on":"2020-01-01"})", strict);
    EXPECT_FALSE(release.mutual || release.written);
    const auto person = json::from_string<MasterData>(
        R"({"family_name":"Vesku","given_name":"Kalora","birth_date":"2000-01-01","residence":{"category":"other"}})", strict);
    EXPECT_TRUE(person.address.postcode.empty() && person.address.city.text.empty());
    EXPECT_EQ(json::from_string<Address>(R"({"city":"Frankfurt"})", strict).city.text, "Frankfurt");
    EXPECT_TRUE(json::from_string<CriterionAnswer>(R"({"criterion":"newly_arrived","answer":"yes"})", strict).remark.text.empty());

    const auto missing = [&](auto type, std::string_view text) {
        return error_of([&] { json::from_string<decltype(type)>(text, strict); });
    };
    auto e = missing(JournalEntry{}, R"({"kind":"phone","topic":"counselling"})");
    EXPECT_EQ(e.code(), errc::json_missing_field);
    EXPECT_EQ(e.field(), "$.date");
    EXPECT_EQ(missing(JournalEntry{}, R"({"date":"2020-01-01","topic":"counselling"})").field(), "$.kind");   // an enum
    EXPECT_EQ(missing(Referral{}, R"({"date":"2020-01-01"})").field(), "$.recipient");                        // a plain string
    EXPECT_EQ(missing(Release{}, R"({"recipient":"Jobcenter","granted_on":"2020-01-01"})").field(), "$.id");  // an id
    EXPECT_EQ(missing(MasterData{}, R"({"family_name":"V","given_name":"K","birth_date":"2000-01-01"})").field(), "$.residence");
    e = missing(Closure{}, R"({"date":"2020-01-01","reason":"goals_reached","remarks":"x"})");
    EXPECT_EQ(e.code(), errc::json_unknown_field);   // leaving out is not misspelling
    EXPECT_EQ(e.field(), "$.remarks");
}

// Issue 14: documents of an older schema are migrated forward, one small step at a time.
namespace {
struct Versioned {
    int schema = 3;
    std::string name;
    int count = 0;
};
BOOST_DESCRIBE_STRUCT(Versioned, (), (schema, name, count))
}  // namespace

template <>
struct jmdcm::json::migrations_of<Versioned> {
    static std::span<const Migration> steps() {
        static const Migration s[] = {
            [](boost::json::object& o) {   // 1 -> 2: "title" became "name"
                o["name"] = o["title"];
                o.erase("title");
            },
            [](boost::json::object& o) { o["count"] = o["name"].as_string().size(); },   // 2 -> 3: "count" added
        };
        return s;
    }
};

TEST(Json, AnOlderDocumentIsMigratedForwardAndANewerOneNamesBothVersions) {
    const auto v1 = json::from_string<Versioned>(R"({"schema":1,"title":"abc"})", {.reject_unknown_fields = true});
    EXPECT_EQ(v1.name, "abc");
    EXPECT_EQ(v1.count, 3);
    EXPECT_EQ(v1.schema, 3);
    EXPECT_EQ(json::from_string<Versioned>(R"({"schema":2,"name":"ab"})").count, 2);
    EXPECT_EQ(json::from_string<Versioned>(R"({"schema":3,"name":"x","count":7})").count, 7);
    auto e = error_of([] { json::from_string<Versioned>(R"({"schema":4,"name":"x","count":7})"); });
    EXPECT_EQ(e.code(), errc::json_schema_version);
    EXPECT_EQ(e.detail(), "schema version 4 is newer than this library reads (3): use a newer jmdcm");
    e = error_of([] { json::from_string<Versioned>(R"({"schema":0,"title":"x"})"); });
    EXPECT_EQ(e.code(), errc::json_schema_version);
    EXPECT_NE(e.detail().find("migrates from 1"), std::string::npos);
    // a migrated document is still read strictly: what the steps do not know stays unknown
    e = error_of([] { json::from_string<Versioned>(R"({"schema":1,"title":"x","colour":"red"})", {.reject_unknown_fields = true}); });
    EXPECT_EQ(e.code(), errc::json_unknown_field);
    EXPECT_EQ(e.field(), "$.colour");
}
