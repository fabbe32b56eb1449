// R8 Goal catalogue (Zielkatalog): recurring goals per life area, German with English
// labels. Hosts may adapt or replace it from JSON.
#pragma once

#include "jmdcm/json.hpp"
#include "jmdcm/life_area.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

struct CatalogueGoal {
    std::string id;                     // stable key, e.g. "language.acquire_german"
    std::optional<LifeArea> area;       // none for "clarify/secure residence", which comes before all
    std::string label_de;
    std::string label_en;
};
BOOST_DESCRIBE_STRUCT(CatalogueGoal, (), (id, area, label_de, label_en))

struct Catalogue {
    int schema = 1;
    std::vector<CatalogueGoal> goals;

    const CatalogueGoal* find(std::string_view id) const {
        for (const auto& g : goals)
            if (g.id == id) return &g;
        return nullptr;
    }
};
BOOST_DESCRIBE_STRUCT(Catalogue, (), (schema, goals))

/// The handbook's catalogue (chapter 3, "Zielkatalog für das Case Management der JMD").
const Catalogue& default_catalogue();

/// Throws errc::catalogue_invalid for an empty catalogue, blank or duplicate ids, or a goal without a label.
void validate(const Catalogue& c);

Catalogue load_catalogue(std::string_view json_text, json::ReadOptions opts = {});

}  // namespace jmdcm
