// Map-valued keys: tables whose entry names come from data, e.g. study places per programme.
#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

#include "sim/run/parameter_at.hpp"
#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim::scenario {
namespace {

using test_support::error_of;
using test_support::expect_site;
using test_support::kHeader;
using test_support::TempDir;
using test_support::test_schema;

constexpr const char* kPlaces = "education.places_scale";
constexpr const char* kNurses = "education.places_scale.HIO_NURS";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// test_schema() with two maps: one of reals that policies may change, one of integers fixed
// for the run.
Schema map_schema() {
  Schema schema = test_schema();
  schema.add({.key = "education.places_scale",
              .type = Type::Real,
              .default_value = 1.0,
              .unit = "1",
              .min = 0.0,
              .max = 5.0,
              .meaning = "Multiplies the study places of a programme.",
              .source = "Assumption: places as in 2023.",
              .is_map = true});
  schema.add({.key = "education.intake_cap",
              .type = Type::Integer,
              .default_value = std::int64_t{0},
              .unit = "students",
              .min = 0.0,
              .meaning = "Most students a programme admits a year; 0 for no cap.",
              .source = "Assumption: no caps.",
              .policy_settable = false,
              .is_map = true});
  return schema;
}

Scenario parse(std::string_view text, const std::vector<std::string>& overrides = {}) {
  return parse_scenario(text, "s.toml", map_schema(), overrides);
}

ScenarioError parse_error(std::string_view text, const std::vector<std::string>& overrides = {}) {
  return error_of([&] { parse(text, overrides); });
}

// kHeader takes lines 1-2, so what follows starts on line 3.
std::string with_header(const std::string& body) { return std::string(kHeader) + body; }

using Entries = std::vector<std::pair<std::string, Value>>;

TEST(ScenarioMapKeys, SchemaAcceptsMapsAndFindsTheirEntries) {
  const Schema schema = map_schema();
  ASSERT_NE(schema.find(kPlaces), nullptr);
  EXPECT_TRUE(schema.find(kPlaces)->is_map);
  EXPECT_FALSE(schema.find("seed")->is_map);
  // Entries are not keys of the schema; they belong to their map.
  EXPECT_EQ(schema.find(kNurses), nullptr);
  EXPECT_EQ(schema.map_of(kNurses), schema.find(kPlaces));
  EXPECT_EQ(schema.map_index_of(kNurses), schema.index_of(kPlaces));
  EXPECT_EQ(schema.entry_name(kNurses), "HIO_NURS");
  EXPECT_EQ(schema.map_of("education.places_scale.A.B"), schema.find(kPlaces));
  EXPECT_EQ(schema.entry_name("education.places_scale.A.B"), "");
  EXPECT_EQ(schema.entry_name("education.places_scale."), "");
  EXPECT_EQ(schema.map_of(kPlaces), nullptr);
  EXPECT_EQ(schema.map_of("demography.fertility_scale"), nullptr);
  EXPECT_EQ(schema.map_of("education.places"), nullptr);
  EXPECT_TRUE(Schema::is_entry_name("VGS_EL-HALDEN2"));
  EXPECT_FALSE(Schema::is_entry_name(""));
  EXPECT_FALSE(Schema::is_entry_name("HIO NURS"));
  EXPECT_FALSE(Schema::is_entry_name("Ø"));
  // The map's table is an ordinary table of keys; the map itself is a key.
  EXPECT_TRUE(schema.is_table("education"));
  EXPECT_FALSE(schema.is_table(kPlaces));
}

TEST(ScenarioMapKeys, SchemaRejectsMapsThatCannotWork) {
  Schema schema = map_schema();
  const std::size_t size = schema.keys().size();
  // Every entry not set must read as something.
  EXPECT_THROW(schema.add({.key = "education.weights", .type = Type::Real, .is_map = true}),
               std::logic_error);
  // Nothing may lie below a map: its names are the data's.
  EXPECT_THROW(
      schema.add(
          {.key = "education.places_scale.HIO_NURS", .type = Type::Real, .default_value = 1.0}),
      std::logic_error);
  EXPECT_THROW(schema.add({.key = "education.places_scale.x.y",
                           .type = Type::Real,
                           .default_value = 1.0,
                           .is_map = true}),
               std::logic_error);
  // Nor may a map clash with a key or a table.
  EXPECT_THROW(schema.add({.key = kPlaces, .type = Type::Real, .default_value = 1.0}),
               std::logic_error);
  EXPECT_THROW(
      schema.add({.key = "labour", .type = Type::Real, .default_value = 1.0, .is_map = true}),
      std::logic_error);
  EXPECT_THROW(
      schema.add({.key = "seed.x", .type = Type::Real, .default_value = 1.0, .is_map = true}),
      std::logic_error);
  EXPECT_THROW(
      schema.add({.key = "policies", .type = Type::Real, .default_value = 1.0, .is_map = true}),
      std::logic_error);
  // A default that fails the spec of its entries.
  EXPECT_THROW(schema.add({.key = "education.bad",
                           .type = Type::Real,
                           .default_value = 9.0,
                           .max = 5.0,
                           .is_map = true}),
               std::logic_error);
  EXPECT_EQ(schema.keys().size(), size);  // nothing half-added
  try {
    schema.add({.key = "education.places_scale.X", .type = Type::Real, .default_value = 1.0});
  } catch (const std::logic_error& error) {
    EXPECT_TRUE(contains(error.what(), "'education.places_scale' is already a map"))
        << error.what();
  }
}

TEST(ScenarioMapKeys, EntriesAsATable) {
  const Scenario s =
      parse(with_header("[education.places_scale]\n"
                        "HIO_NURS = 1.3\n"
                        "VGS_EL_HALDEN = 0.8\n"
                        "whole = 2\n"));
  EXPECT_EQ(s.real(kNurses), 1.3);
  EXPECT_EQ(s.real("education.places_scale.VGS_EL_HALDEN"), 0.8);
  // An integer for a real map becomes a real, as for a plain key.
  EXPECT_EQ(s.value("education.places_scale.whole"), Value(2.0));
  EXPECT_EQ(s.origin(kNurses), "s.toml:4:1");
  EXPECT_EQ(s.origin("education.places_scale.VGS_EL_HALDEN"), "s.toml:5:1");
  EXPECT_EQ(s.entries(kPlaces),
            (Entries{{"HIO_NURS", 1.3}, {"VGS_EL_HALDEN", 0.8}, {"whole", 2.0}}));
  EXPECT_TRUE(s.entries("education.intake_cap").empty());
}

TEST(ScenarioMapKeys, EntriesAsAnInlineTable) {
  const Scenario s =
      parse(with_header("[education]\n"
                        "places_scale = { HIO_NURS = 1.3, VGS = 0.8 }\n"
                        "intake_cap = {HIO_NURS = 120}\n"));
  EXPECT_EQ(s.real(kNurses), 1.3);
  EXPECT_EQ(s.real("education.places_scale.VGS"), 0.8);
  EXPECT_EQ(s.integer("education.intake_cap.HIO_NURS"), 120);
  // The position of each entry's name.
  EXPECT_EQ(s.origin(kNurses), "s.toml:4:18");
  EXPECT_EQ(s.origin("education.places_scale.VGS"), "s.toml:4:34");
  EXPECT_EQ(s.origin("education.intake_cap.HIO_NURS"), "s.toml:5:15");
}

TEST(ScenarioMapKeys, EntriesAsDottedKeys) {
  const Scenario s =
      parse(with_header("[education]\n"
                        "places_scale.HIO_NURS = 1.3\n"
                        "  places_scale.VGS = 0.5\n"
                        "intake_cap.HIO_NURS = 90\n"));
  EXPECT_EQ(s.real(kNurses), 1.3);
  EXPECT_EQ(s.real("education.places_scale.VGS"), 0.5);
  EXPECT_EQ(s.integer("education.intake_cap.HIO_NURS"), 90);
  EXPECT_EQ(s.origin(kNurses), "s.toml:4:14");
  EXPECT_EQ(s.origin("education.places_scale.VGS"), "s.toml:5:16");
  EXPECT_EQ(s.entries(kPlaces), (Entries{{"HIO_NURS", 1.3}, {"VGS", 0.5}}));

  // The full path at the top level.
  const Scenario top = parse(with_header("education.places_scale.VGS = 0.25\n"));
  EXPECT_EQ(top.real("education.places_scale.VGS"), 0.25);
  EXPECT_EQ(top.origin("education.places_scale.VGS"), "s.toml:3:24");
}

TEST(ScenarioMapKeys, AnEntryNotSetIsTheDefault) {
  const Scenario s = parse(with_header("[education.places_scale]\nHIO_NURS = 1.3\n"));
  EXPECT_EQ(s.real("education.places_scale.UNHEARD_OF"), 1.0);
  EXPECT_EQ(s.value("education.places_scale.UNHEARD_OF"), Value(1.0));
  EXPECT_EQ(s.origin("education.places_scale.UNHEARD_OF"), "default");
  EXPECT_EQ(s.integer("education.intake_cap.HIO_NURS"), 0);
  // An integer map reads as real too, like an integer key.
  EXPECT_EQ(s.real("education.intake_cap.HIO_NURS"), 0.0);
  EXPECT_TRUE(s.is_map_entry("education.places_scale.UNHEARD_OF"));
  EXPECT_TRUE(s.is_map_entry(kNurses));
  EXPECT_FALSE(s.is_map_entry(kPlaces));
  EXPECT_FALSE(s.is_map_entry("education.places_scale.bad name"));
  EXPECT_FALSE(s.is_map_entry("seed"));
  // Only set entries are listed.
  EXPECT_EQ(s.entries(kPlaces), (Entries{{"HIO_NURS", 1.3}}));
}

TEST(ScenarioMapKeys, ReadingsThatAreMistakesInTheModel) {
  const Scenario s = parse(kHeader);
  // The map itself is no value.
  EXPECT_THROW(s.real(kPlaces), std::logic_error);
  EXPECT_THROW(s.value(kPlaces), std::logic_error);
  EXPECT_THROW(s.origin(kPlaces), std::logic_error);
  // Entries have the map's type.
  EXPECT_THROW(s.integer(kNurses), std::logic_error);
  EXPECT_THROW(s.string("education.intake_cap.X"), std::logic_error);
  // Not an entry name, or below no map.
  EXPECT_THROW(s.real("education.places_scale.bad name"), std::logic_error);
  EXPECT_THROW(s.real("education.places_scale.A.B"), std::logic_error);
  EXPECT_THROW(s.real("education.other.X"), std::logic_error);
  EXPECT_THROW(s.entries("seed"), std::logic_error);
  EXPECT_THROW(s.entries("education"), std::logic_error);
  EXPECT_THROW(s.entries(kNurses), std::logic_error);
}

TEST(ScenarioMapKeys, EntriesAreListedInOrderOfName) {
  const Scenario s =
      parse(with_header("[education.places_scale]\n"
                        "Z = 1.0\nb = 2.0\nB = 3.0\n_x = 0.5\n10 = 4.0\na-1 = 1.5\n"),
            {"education.places_scale.A=0.1"});
  std::vector<std::string> names;
  for (const auto& [name, value] : s.entries(kPlaces)) names.push_back(name);
  // Byte order: digits, upper case, '_', lower case.
  EXPECT_EQ(names, (std::vector<std::string>{"10", "A", "B", "Z", "_x", "a-1", "b"}));
  EXPECT_EQ(s.entries(kPlaces).front(), (std::pair<std::string, Value>{"10", 4.0}));
}

TEST(ScenarioMapKeys, ExtendsOverridesEntryByEntry) {
  TempDir dir;
  const auto parent = dir.write("baseline.toml",
                                "schema_version = 1\n"
                                "name = \"baseline\"\n"
                                "[education.places_scale]\n"
                                "HIO_NURS = 0.5\n"
                                "VGS = 0.6\n"
                                "[education.intake_cap]\n"
                                "HIO_NURS = 100\n");
  const auto child = dir.write("more.toml",
                               "schema_version = 1\n"
                               "extends = \"baseline.toml\"\n"
                               "name = \"more\"\n"
                               "[education]\n"
                               "places_scale = { VGS = 0.9, NEW = 1.1 }\n");
  const Scenario s = load_scenario(child, map_schema());
  EXPECT_EQ(s.entries(kPlaces), (Entries{{"HIO_NURS", 0.5}, {"NEW", 1.1}, {"VGS", 0.9}}));
  EXPECT_EQ(s.origin(kNurses), parent.string() + ":4:1");                       // the parent's
  EXPECT_EQ(s.origin("education.places_scale.VGS"), child.string() + ":5:18");  // the child's
  EXPECT_EQ(s.origin("education.places_scale.NEW"), child.string() + ":5:29");
  EXPECT_EQ(s.integer("education.intake_cap.HIO_NURS"), 100);
  EXPECT_EQ(s.origin("education.intake_cap.HIO_NURS"), parent.string() + ":7:1");
}

TEST(ScenarioMapKeys, SetOnTheCommandLine) {
  const Scenario s = parse(with_header("[education.places_scale]\nHIO_NURS = 1.3\nVGS = 0.8\n"),
                           {"education.places_scale.HIO_NURS=1.2", "education.intake_cap.X = 7",
                            "education.places_scale.NEW=2"});
  EXPECT_EQ(s.real(kNurses), 1.2);
  EXPECT_EQ(s.origin(kNurses), "command line (--set)");
  EXPECT_EQ(s.real("education.places_scale.VGS"), 0.8);
  EXPECT_EQ(s.origin("education.places_scale.VGS"), "s.toml:5:1");
  EXPECT_EQ(s.integer("education.intake_cap.X"), 7);
  EXPECT_EQ(s.value("education.places_scale.NEW"), Value(2.0));
  EXPECT_EQ(s.entries(kPlaces), (Entries{{"HIO_NURS", 1.2}, {"NEW", 2.0}, {"VGS", 0.8}}));
}

TEST(ScenarioMapKeys, SetOnTheCommandLineIsValidated) {
  const auto range = parse_error(kHeader, {"seed=3", "education.places_scale.HIO_NURS=7"});
  expect_site(range, "command line", 2, 33, kNurses, "real number in [0, 5]");
  EXPECT_EQ(range.problem(), "value 7.0 is out of range");

  const auto type = parse_error(kHeader, {"education.intake_cap.X=1.5"});
  expect_site(type, "command line", 1, 24, "education.intake_cap.X", "integer >= 0");

  const auto whole = parse_error(kHeader, {"education.places_scale=1.2"});
  expect_site(whole, "command line", 1, 1, kPlaces, "education.places_scale.NAME=VALUE");

  const auto name = parse_error(kHeader, {"education.places_scale.HIO NURS=1.2"});
  expect_site(name, "command line", 1, 1, "education.places_scale.HIO NURS",
              "an entry education.places_scale.NAME with NAME of the characters [A-Za-z0-9_-]");
  EXPECT_EQ(name.problem(), "entry name \"HIO NURS\" is not a valid name");

  const auto empty = parse_error(kHeader, {"education.places_scale.=1.2"});
  EXPECT_EQ(empty.problem(), "the entry name is empty");

  const auto misspelt = parse_error(kHeader, {"education.places_scal.HIO_NURS=1.2"});
  EXPECT_EQ(misspelt.problem(), "unknown key (did you mean 'education.places_scale.HIO_NURS'?)");
}

TEST(ScenarioMapKeys, WrongTypeNamesFileLineColumnAndEntry) {
  const auto table =
      parse_error(with_header("[education.places_scale]\n"
                              "VGS = 0.8\n"
                              "HIO_NURS = \"many\"\n"));
  expect_site(table, "s.toml", 5, 12, kNurses, "real number in [0, 5]");
  EXPECT_EQ(table.problem(), "got string \"many\"");

  const auto inline_table =
      parse_error(with_header("[education]\nintake_cap = { VGS = 10, HIO_NURS = 1.5 }\n"));
  expect_site(inline_table, "s.toml", 4, 37, "education.intake_cap.HIO_NURS",
              "integer >= 0 (unit: students)");

  const auto nested = parse_error(with_header("[education.places_scale.HIO_NURS]\nx = 1\n"));
  EXPECT_EQ(nested.key(), kNurses) << nested.what();
  EXPECT_EQ(nested.line(), 3) << nested.what();
  EXPECT_EQ(nested.problem(), "got table");

  const auto array = parse_error(with_header("education.places_scale.HIO_NURS = [1.0]\n"));
  expect_site(array, "s.toml", 3, 35, kNurses, "real number in [0, 5]");
  EXPECT_EQ(array.problem(), "got array");
}

TEST(ScenarioMapKeys, OutOfRangeNamesFileLineColumnAndEntry) {
  const auto error =
      parse_error(with_header("[education.places_scale]\n"
                              "HIO_NURS = 1.3\n"
                              "  VGS_EL_HALDEN = 7.5\n"));
  expect_site(error, "s.toml", 5, 19, "education.places_scale.VGS_EL_HALDEN",
              "real number in [0, 5]");
  EXPECT_EQ(error.problem(), "value 7.5 is out of range");
  EXPECT_EQ(std::string(error.what()),
            "s.toml:5:19: key 'education.places_scale.VGS_EL_HALDEN': value 7.5 is out of range; "
            "expected real number in [0, 5]");

  const auto negative = parse_error(with_header("education.intake_cap.X = -1\n"));
  expect_site(negative, "s.toml", 3, 26, "education.intake_cap.X", "integer >= 0");
}

TEST(ScenarioMapKeys, NonTableValueForTheMap) {
  const auto error = parse_error(with_header("[education]\nplaces_scale = 1.3\n"));
  expect_site(error, "s.toml", 4, 16, kPlaces,
              "a table [education.places_scale] of entries NAME = VALUE (NAME of the characters "
              "[A-Za-z0-9_-]; VALUE: real number in [0, 5])");
  EXPECT_EQ(error.problem(), "got real number 1.3");

  const auto array = parse_error(with_header("education.intake_cap = [1, 2]\n"));
  expect_site(array, "s.toml", 3, 24, "education.intake_cap", "a table [education.intake_cap]");
  EXPECT_EQ(array.problem(), "got array");
}

TEST(ScenarioMapKeys, BadEntryName) {
  const auto spaced =
      parse_error(with_header("[education.places_scale]\n"
                              "HIO_NURS = 1.3\n"
                              "\"HIO NURS\" = 1.3\n"));
  expect_site(spaced, "s.toml", 5, 1, "education.places_scale.HIO NURS",
              "an entry education.places_scale.NAME with NAME of the characters [A-Za-z0-9_-]");
  EXPECT_EQ(spaced.problem(), "entry name \"HIO NURS\" is not a valid name");

  // A quoted dot is part of the name, not a path.
  const auto dotted = parse_error(with_header("[education]\nplaces_scale = { \"A.B\" = 1.0 }\n"));
  expect_site(dotted, "s.toml", 4, 18, "education.places_scale.A.B", "an entry");

  const auto empty = parse_error(with_header("[education.places_scale]\n\"\" = 1.0\n"));
  EXPECT_EQ(empty.problem(), "the entry name is empty");
  EXPECT_EQ(empty.line(), 4);

  // Names outside ASCII are refused too, and shown readably.
  const auto accented = parse_error(with_header("[education.places_scale]\n\"HØGSKOLE\" = 1.0\n"));
  EXPECT_EQ(accented.problem(), "entry name \"HØGSKOLE\" is not a valid name");
}

TEST(ScenarioMapKeys, UnknownKeysElsewhereStillGetSuggestions) {
  const auto table = parse_error(with_header("[education.places_scal]\nHIO_NURS = 1.3\n"));
  EXPECT_EQ(table.key(), "education.places_scal") << table.what();
  EXPECT_TRUE(contains(table.problem(), "did you mean 'education.places_scale'?")) << table.what();

  const auto key = parse_error(with_header("[education]\nplace_scale = 1.3\n"));
  expect_site(key, "s.toml", 4, 1, "education.place_scale",
              "a key of [education] (places_scale, intake_cap)");
  EXPECT_TRUE(contains(key.problem(), "did you mean 'education.places_scale'?")) << key.what();

  const auto other = parse_error(with_header("[demography]\nfertilty_scale = 1.1\n"));
  EXPECT_TRUE(contains(other.problem(), "did you mean 'demography.fertility_scale'?"));
}

// kHeader takes lines 1-2; the policy table starts on line 3.
std::string policy(const std::string& body) {
  return with_header("[education.places_scale]\nHIO_NURS = 1.3\n[[policies]]\n" + body);
}

TEST(ScenarioMapKeys, PolicyOnAnEntry) {
  const Scenario s = parse(policy("start = \"2026-08\"\n"
                                  "end = \"2029-07\"\n"
                                  "key = \"education.places_scale.HIO_NURS\"\n"
                                  "value = 2\n") +
                           "[[policies]]\n"
                           "start = \"2027-08\"\n"
                           "key = \"education.places_scale.VGS\"\n"
                           "value = 0.5\n");
  ASSERT_EQ(s.policies().size(), 2u);
  EXPECT_EQ(s.policies()[0].key, kNurses);
  EXPECT_EQ(s.policies()[0].value, Value(2.0));
  EXPECT_EQ(s.policies()[0].origin, "s.toml:5");
  // The scenario's own value is the base; the policy holds from its start to its end.
  EXPECT_EQ(s.value_at(kNurses, kfsim::Month::of(2026, 7)), Value(1.3));
  EXPECT_EQ(s.value_at(kNurses, kfsim::Month::of(2026, 8)), Value(2.0));
  EXPECT_EQ(s.value_at(kNurses, kfsim::Month::of(2029, 8)), Value(1.3));
  EXPECT_EQ(kfsim::real_at(s, kNurses, kfsim::Month::of(2026, 7)), 1.3);
  EXPECT_EQ(kfsim::real_at(s, kNurses, kfsim::Month::of(2028, 1)), 2.0);
  EXPECT_EQ(kfsim::real_at(s, kNurses, kfsim::Month::of(2030, 1)), 1.3);
  // An entry not set starts from the map's default.
  EXPECT_EQ(kfsim::real_at(s, "education.places_scale.VGS", kfsim::Month::of(2027, 7)), 1.0);
  EXPECT_EQ(kfsim::real_at(s, "education.places_scale.VGS", kfsim::Month::of(2027, 8)), 0.5);
  // A policy changes only the entry it names.
  EXPECT_EQ(kfsim::real_at(s, "education.places_scale.OTHER", kfsim::Month::of(2028, 1)), 1.0);
  EXPECT_EQ(s.value_at("education.places_scale.OTHER", kfsim::Month::of(2028, 1)), Value(1.0));
  // Policies do not count as entries the scenario sets.
  EXPECT_EQ(s.entries(kPlaces), (Entries{{"HIO_NURS", 1.3}}));
}

TEST(ScenarioMapKeys, PolicyValueIsValidatedAgainstTheMap) {
  const auto range = parse_error(
      policy("start = \"2026-08\"\nkey = \"education.places_scale.HIO_NURS\"\nvalue = 9.5\n"));
  expect_site(range, "s.toml", 8, 9, "policies[0].value", "real number in [0, 5]");
  EXPECT_EQ(range.problem(), "value 9.5 is out of range for 'education.places_scale.HIO_NURS'");

  const auto type = parse_error(
      policy("start = \"2026-08\"\nkey = \"education.places_scale.HIO_NURS\"\nvalue = \"x\"\n"));
  expect_site(type, "s.toml", 8, 9, "policies[0].value", "real number in [0, 5]");
  EXPECT_TRUE(contains(type.problem(), "for 'education.places_scale.HIO_NURS'")) << type.what();
}

TEST(ScenarioMapKeys, PolicyKeysThatAreNoSettableEntry) {
  const auto whole =
      parse_error(policy("start = \"2026-08\"\nkey = \"education.places_scale\"\nvalue = 1.1\n"));
  expect_site(whole, "s.toml", 7, 7, "policies[0].key", "an entry education.places_scale.NAME");

  const auto fixed =
      parse_error(policy("start = \"2026-08\"\nkey = \"education.intake_cap.X\"\nvalue = 5\n"));
  expect_site(fixed, "s.toml", 7, 7, "policies[0].key", "a key that policies may set");
  EXPECT_EQ(fixed.problem(), "'education.intake_cap.X' is fixed for the whole run");

  const auto name = parse_error(
      policy("start = \"2026-08\"\nkey = \"education.places_scale.HIO NURS\"\nvalue = 1.1\n"));
  expect_site(name, "s.toml", 7, 7, "policies[0].key", "an entry education.places_scale.NAME");

  const auto misspelt = parse_error(
      policy("start = \"2026-08\"\nkey = \"education.places_scal.HIO_NURS\"\nvalue = 1.1\n"));
  EXPECT_TRUE(contains(misspelt.problem(), "did you mean 'education.places_scale.HIO_NURS'?"))
      << misspelt.what();
}

TEST(ScenarioMapKeys, ResolvedTomlRoundTripsWithEntries) {
  TempDir dir;
  dir.write("baseline.toml",
            "schema_version = 1\nname = \"baseline\"\n"
            "[education.places_scale]\nVGS = 0.6\nHIO_NURS = 0.5\n");
  const auto child = dir.write("more.toml",
                               "schema_version = 1\n"
                               "extends = \"baseline.toml\"\n"
                               "name = \"more\"\n"
                               "education.places_scale.HIO_NURS = 1.3\n"
                               "[[policies]]\n"
                               "start = \"2026-08\"\n"
                               "key = \"education.places_scale.HIO_NURS\"\n"
                               "value = 1.5\n");
  const Schema schema = map_schema();
  const Scenario s = load_scenario(child, schema, {"education.intake_cap.X=12"});
  const std::string text = s.resolved_toml();
  EXPECT_TRUE(contains(text, "[education.places_scale]\n")) << text;
  EXPECT_TRUE(contains(text, "HIO_NURS = 1.3  # from " + child.string() + ":4\n")) << text;
  EXPECT_TRUE(contains(text, "VGS = 0.6       # from " + dir.path().string())) << text;
  EXPECT_TRUE(contains(text, "[education.intake_cap]\nX = 12  # from command line (--set)\n"))
      << text;
  // The default of the names no one set, as a comment.
  EXPECT_TRUE(contains(text, "# places_scale.<name> = 1.0")) << text;
  EXPECT_TRUE(contains(text, "# intake_cap.<name> = 0")) << text;
  // Entries follow their table and come in order of name.
  EXPECT_LT(text.find("[education]\n"), text.find("[education.places_scale]\n")) << text;
  EXPECT_LT(text.find("HIO_NURS = 1.3"), text.find("VGS = 0.6")) << text;

  const Scenario reloaded = parse_scenario(text, "resolved.toml", schema);
  EXPECT_TRUE(reloaded == s) << text;
  EXPECT_EQ(reloaded.entries(kPlaces), s.entries(kPlaces));
  EXPECT_EQ(reloaded.entries("education.intake_cap"), s.entries("education.intake_cap"));
  EXPECT_EQ(reloaded.origin(kNurses).rfind("resolved.toml:", 0), 0u) << reloaded.origin(kNurses);
  EXPECT_EQ(reloaded.policies(), s.policies());
  const Scenario again = parse_scenario(reloaded.resolved_toml(), "again.toml", schema);
  EXPECT_TRUE(again == s);
}

TEST(ScenarioMapKeys, ResolvedTomlWithoutEntriesRoundTrips) {
  const Scenario s = parse(kHeader);
  const std::string text = s.resolved_toml();
  EXPECT_FALSE(contains(text, "[education.places_scale]")) << text;
  EXPECT_TRUE(parse_scenario(text, "resolved.toml", map_schema()) == s) << text;
}

TEST(ScenarioMapKeys, TopLevelMapOfChoicesRoundTrips) {
  Schema schema = test_schema();
  schema.add({.key = "regime",
              .type = Type::String,
              .default_value = std::string("open"),
              .choices = {"open", "closed"},
              .meaning = "Admission regime per municipality.",
              .source = "Assumption.",
              .is_map = true});
  const Scenario s = parse_scenario(with_header("seed = 3\nregime = { M3101 = \"closed\" }\n"
                                                "[demography]\nfertility_scale = 1.5\n"),
                                    "s.toml", schema);
  EXPECT_EQ(s.string("regime.M3101"), "closed");
  EXPECT_EQ(s.string("regime.M3103"), "open");
  const std::string text = s.resolved_toml();
  // The map's table comes after every top-level key, which TOML requires.
  EXPECT_LT(text.find("seed = 3"), text.find("[regime]\nM3101 = \"closed\"")) << text;
  EXPECT_TRUE(parse_scenario(text, "resolved.toml", schema) == s) << text;

  const auto error = error_of(
      [&] { parse_scenario(with_header("[regime]\nM3101 = \"ajar\"\n"), "s.toml", schema); });
  expect_site(error, "s.toml", 4, 9, "regime.M3101", "one of \"open\", \"closed\"");
}

TEST(ScenarioMapKeys, EqualityComparesEntries) {
  const Scenario base = parse(with_header("[education.places_scale]\nA = 1.5\n"));
  EXPECT_TRUE(base == parse(with_header("education.places_scale = { A = 1.5 }\n")));
  EXPECT_FALSE(base == parse(with_header("[education.places_scale]\nA = 1.6\n")));
  EXPECT_FALSE(base == parse(with_header("[education.places_scale]\nB = 1.5\n")));
  EXPECT_FALSE(base == parse(with_header("[education.places_scale]\nA = 1.5\nB = 1.0\n")));
  EXPECT_FALSE(base == parse(kHeader));
}

TEST(ScenarioMapKeys, SetAnEntryAfterLoading) {
  Scenario s = parse(with_header("[education.places_scale]\nHIO_NURS = 1.3\n"));
  s.set(kNurses, 0.7, "--places");
  s.set("education.places_scale.NEW", std::int64_t{2});
  EXPECT_EQ(s.real(kNurses), 0.7);
  EXPECT_EQ(s.origin(kNurses), "--places");
  EXPECT_EQ(s.value("education.places_scale.NEW"), Value(2.0));
  EXPECT_EQ(s.origin("education.places_scale.NEW"), "command line");
  EXPECT_EQ(s.entries(kPlaces), (Entries{{"HIO_NURS", 0.7}, {"NEW", 2.0}}));

  const auto range = error_of([&] { s.set(kNurses, 6.0); });
  expect_site(range, "command line", 0, 0, kNurses, "real number in [0, 5]");
  EXPECT_EQ(s.real(kNurses), 0.7);  // unchanged
  const auto name = error_of([&] { s.set("education.places_scale.A B", 1.0); });
  EXPECT_EQ(name.problem(), "entry name \"A B\" is not a valid name");
  const auto whole = error_of([&] { s.set(kPlaces, 1.0); });
  EXPECT_EQ(whole.key(), kPlaces);
  EXPECT_EQ(s.entries(kPlaces).size(), 2u);
}

TEST(ScenarioMapKeys, DescribeShowsTheMap) {
  const Schema schema = map_schema();
  const std::string text = schema.describe();
  const auto education = text.find("[education]\n");
  ASSERT_NE(education, std::string::npos) << text;
  EXPECT_GT(text.find("  places_scale.<name> = 1.0\n"), education) << text;
  EXPECT_TRUE(contains(text,
                       "  places_scale.<name> = 1.0\n"
                       "      real number in [0, 5]; policies may change it\n"
                       "      Multiplies the study places of a programme.\n"
                       "      Source: Assumption: places as in 2023.\n"
                       "      Names come from data: entries are set under "
                       "[education.places_scale] as NAME = VALUE,\n"))
      << text;
  EXPECT_TRUE(contains(text, "A policy changes one entry: key = \"education.places_scale.NAME\""))
      << text;
  EXPECT_TRUE(contains(text,
                       "  intake_cap.<name> = 0\n"
                       "      integer >= 0 (unit: students); fixed for the whole run\n"))
      << text;
  // A map the policies may not change says nothing of policies on entries.
  EXPECT_FALSE(contains(text, "key = \"education.intake_cap.NAME\"")) << text;
}

TEST(ScenarioMapKeys, OddInputNeverCrashes) {
  const Schema schema = map_schema();
  const auto survives = [&](const std::string& text) {
    try {
      parse_scenario(text, "fuzz.toml", schema);
    } catch (const ScenarioError& error) {
      // One bounded line, whatever the names in the file.
      const std::string message = error.what();
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
      EXPECT_LT(message.size(), 3000u) << message;
    } catch (const std::exception& other) {
      ADD_FAILURE() << "unexpected exception: " << other.what() << "\ninput: " << text;
    }
  };
  for (const char* body :
       {"[education.places_scale]\n\"a\\nb\" = 1.0\n",
        "[education.places_scale]\n\"\\u0000\" = 1.0\n", "[education.places_scale.a.b.c]\nd = 1\n",
        "education.places_scale = []\n", "education.places_scale = { a = { b = 1 } }\n",
        "[[education.places_scale]]\na = 1\n", "[[education.places_scale.a]]\nb = 1\n",
        "[education.places_scale]\nnan_entry = nan\ninf_entry = inf\n"}) {
    survives(with_header(body));
  }
  survives(with_header("[education.places_scale]\n\"" + std::string(5000, 'x') + " y\" = 1.0\n"));

  const std::string valid = with_header(
      "[education]\nintake_cap = { A = 1, B-2 = 3 }\n[education.places_scale]\nHIO_NURS = 1.3\n"
      "[[policies]]\nstart = \"2026-08\"\nkey = \"education.places_scale.HIO_NURS\"\n"
      "value = 1.5\n");
  survives(valid);
  std::mt19937 random(20260801);
  for (int i = 0; i < 2000; ++i) {
    std::string text = valid;
    for (int edit = 0; edit < 3; ++edit) {
      text[random() % text.size()] = "._=\"[]{}.x \n\xff"[random() % 13];
    }
    survives(text);
  }
}

}  // namespace
}  // namespace kfsim::scenario
