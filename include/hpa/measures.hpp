#pragma once
// The response measures of a profile's plan as data catalogues. A profile names its catalogue
// (profile::measures); hpa holds one, the Pingdingshan 2023 plan's (§4.2.2-§4.2.4, city level
// §4.3, and the duty annex 附件): each measure with its tier, section, kind, responsible
// department, the plan's Chinese text (abridged) and an English rendering. Measures are
// cumulative: tier II takes tier III's and adds its own, tier I takes tier II's (§4.2.3, §4.2.4).
// The other built-ins list none: hpa does not hold their plans' measures, and Pingdingshan's name
// its own departments.

#include <string>
#include <string_view>
#include <vector>

#include "hpa/profile.hpp"

namespace hpa {

struct measure {
  std::string tier;     ///< the tier that adds it: III, II, I
  std::string section;  ///< §4.2.2 …
  std::string kind;     ///< health, advisory, industrial, dust, mobile, other, city
  std::string dept_zh, dept_en;
  std::string text_zh, text_en;
  double min_daily_aqi = 0;  ///< > 0: applies only when the daily AQI reaches it (the school rule)
};

namespace detail {
// A catalogue as it stands in the source: text that lives as long as the program.
struct measure_text {
  const char *tier, *section, *kind, *dept_zh, *dept_en, *text_zh, *text_en;
  double min_daily_aqi = 0;
};

inline constexpr measure_text pingdingshan_2023_measures[] = {
    {"III", "§4.2.2(1)", "health", "市委宣传部、市文化广电和旅游局", "Publicity; Culture, Radio, TV and Tourism",
     "发布健康防护警示：儿童、老年人和易感人群留在室内，确需外出的采取防护措施；一般人群减少户外运动和室外作业时间",
     "Publish health warnings: children, the elderly and people with heart, lung or vascular illness stay indoors or "
     "protect themselves outside; everyone else cuts outdoor exercise and work"},
    {"III", "§4.2.2(1)", "health", "市教育体育局", "Education and Sports",
     "督导已安装空气净化装置的幼儿园、中小学开启净化装置，中小学、幼儿园停止室外课程及活动",
     "Kindergartens and schools switch on air purifiers and stop outdoor lessons and activities"},
    {"III", "§4.2.2(1)", "health", "市卫生健康委", "Health Commission",
     "督导医疗机构增设相关疾病门诊、急诊，增加医护人员",
     "Hospitals open extra clinics and emergency capacity for related illness and add staff"},
    {"III", "§4.2.2(2)", "advisory", "市委宣传部、市文化广电和旅游局", "Publicity; Culture, Radio, TV and Tourism",
     "倡导绿色消费、绿色出行、绿色生活：减少含挥发性有机物产品使用，乘坐公共交通，驻车熄火，减少能源消耗",
     "Advise green consumption, travel and living: fewer VOC paints and solvents, public transport, engines off when "
     "parked, less energy use"},
    {"III", "§4.2.2(3)", "industrial", "市生态环境局、市工业和信息化局", "Ecology and Environment; Industry and IT",
     "督导工业企业按“一厂一策”降低生产负荷、停产、加强污染治理、大宗物料错峰运输",
     "Enterprises carry out their one-plant-one-plan measures: lower load, stop lines, treat emissions, shift bulk "
     "haulage off-peak"},
    {"III", "§4.2.2(3)", "industrial", "市生态环境局", "Ecology and Environment",
     "加大燃煤发电企业监管力度，增加重点大气污染源执法检查频次",
     "Tighten oversight of coal power plants and inspect key emission sources more often"},
    {"III", "§4.2.2(3)", "industrial", "市工业和信息化局", "Industry and IT", "督导相关企业落实季节性调控生产措施",
     "Enterprises keep to seasonal production controls"},
    {"III", "§4.2.2(3)", "industrial", "平顶山供电公司", "Pingdingshan Power Supply Company", "管控企业电力调度",
     "Control enterprises' power dispatch"},
    {"III", "§4.2.2(3)", "dust", "各县（市、区）政府（管委会）、市住房和城乡建设局",
     "County governments; Housing and Construction",
     "矿山、砂石料厂等停止露天作业；施工工地停止土石方作业；渣土、砂石运输车辆禁止上路；非道路移动机械停止作业（重点"
     "项目等除外）",
     "Mines and quarries stop open-air work; construction sites stop earthworks; muck and gravel trucks stay off the "
     "roads; earthmoving machinery stops (key and livelihood projects excepted)"},
    {"III", "§4.2.2(3)", "dust", "市城市管理局", "Urban Management", "增加道路清扫、洒水、喷雾等作业频次",
     "Sweep, water and mist roads more often"},
    {"III", "§4.2.2(3)", "dust", "市交通运输局", "Transport", "加强交通工程施工和公路运输监督管理，防治公路扬尘",
     "Control dust from road works and road haulage"},
    {"III", "§4.2.2(3)", "dust", "市自然资源和规划局", "Natural Resources and Planning",
     "督促露天矿山停止开采、运输、修复等产生扬尘的活动",
     "Open-pit mines stop extraction, haulage and restoration work that raises dust"},
    {"III", "§4.2.2(3)", "dust", "市水利局", "Water Resources", "水利工程施工场地扬尘控制",
     "Control dust on water-works construction sites"},
    {"III", "§4.2.2(3)", "mobile", "各县（市、区）政府（管委会）", "County governments",
     "禁止使用不满足Ⅲ类限值和国二及以下的非道路移动机械；市区和县城建成区禁止重中型柴油货车、低速货车和拖拉机通行",
     "Ban non-road machinery below class III or China II; ban heavy and medium diesel trucks, low-speed trucks and "
     "tractors from built-up areas"},
    {"III", "§4.2.2(3)", "mobile", "市公安局", "Public Security (traffic police)",
     "查处闯禁行交通违法行为，引导过境车辆避开主城区",
     "Enforce the traffic bans and route through traffic around the city"},
    {"III", "§4.2.2(3)", "other", "市农业农村局", "Agriculture and Rural Affairs", "严格落实禁止农作物秸秆焚烧",
     "Enforce the ban on burning crop straw"},
    {"III", "§4.2.2(3)", "other", "市城市管理局", "Urban Management", "禁止树叶、垃圾露天焚烧，加强餐饮油烟监管",
     "Ban open burning of leaves and rubbish; supervise restaurant fume treatment"},
    {"III", "§4.2.2(3)", "other", "市应急管理局、市公安局、市交通运输局、市市场监管局",
     "Emergency Management; Public Security; Transport; Market Regulation", "落实烟花爆竹禁燃禁放",
     "Enforce the fireworks ban"},
    {"III", "§4.2.2(3)", "other", "相关主管部门", "The competent departments",
     "室外喷涂、粉刷、切割、焊接等涉气作业停止", "Stop outdoor spraying, painting, cutting and welding"},
    {"II", "§4.2.3", "industrial", "市发展改革委", "Development and Reform", "督导燃煤发电企业加大优质煤使用比例",
     "Coal power plants burn a larger share of high-quality coal"},
    {"II", "§4.2.3", "industrial", "平顶山供电公司", "Pingdingshan Power Supply Company",
     "协调省电力公司统筹调节燃煤发电负荷，实施限制发电措施",
     "With the provincial grid, lower coal power plants' load and limit generation"},
    {"II", "§4.2.3", "mobile", "市交通运输局", "Transport", "增加公共交通运力，有条件的可减免公交乘车费用",
     "Add public transport capacity; fares may be waived where possible"},
    {"II", "§4.2.3", "other", "市气象局", "Meteorology", "根据气象条件采取可行的气象干预措施",
     "Take feasible weather-modification measures"},
    {"I", "§4.2.4(1)", "health", "市教育体育局", "Education and Sports",
     "日AQI达到500时，指导有条件的幼儿园、中小学校停课，停课不停学",
     "When the daily AQI reaches 500, kindergartens and schools that can may suspend classes, with teaching "
     "continued remotely",
     500},
    {"I", "§4.2.4(2)", "industrial", "各县（市、区）政府（管委会）", "County governments",
     "严格落实应急减排清单各项减排措施", "Carry out every measure of the emission-reduction list"},
    {"I", "§4.2.4(2)", "mobile", "各县（市、区）政府（管委会）、市公安局", "County governments; Public Security",
     "实施更加严格的机动车禁限行措施（特殊公共保障车辆除外）",
     "Stricter vehicle bans and restrictions (special public-service vehicles excepted)"},
    {"III", "§4.3.1", "city", "市生态环境局等负有减排监管职责的单位",
     "Ecology and Environment and the other departments with reduction duties",
     "指导本系统落实减排措施，每日报市环委会办公室",
     "Guide their systems' reductions and report daily to the city environment committee office"},
    {"II", "§4.3.2", "city", "市生态环境局等负有减排监管职责的单位",
     "Ecology and Environment and the other departments with reduction duties",
     "向各县（市、区）派出专项督导组，每日汇总分析督导情况",
     "Send inspection teams to the counties and summarise their findings daily"},
    {"II", "§4.3.2", "city", "市环委会办公室", "City environment committee office",
     "每日会商应急措施落实、污染趋势和区域影响，及时向省生态环境厅报告",
     "Hold daily consultations on measures, trends and regional effects; report to the provincial department"},
    {"I", "§4.3.3", "city", "市环委会办公室", "City environment committee office",
     "派出帮扶督导组，指导各县（市、区）措施落实和专项督导组工作",
     "Send support teams to guide the counties' measures and the inspection teams"},
};
}  // namespace detail

/// The catalogue of the Pingdingshan 2023 plan, in the plan's order.
inline const std::vector<measure>& pingdingshan_2023_measures() {
  static const std::vector<measure> all = [] {
    std::vector<measure> v;
    for (const auto& m : detail::pingdingshan_2023_measures)
      v.push_back({m.tier, m.section, m.kind, m.dept_zh, m.dept_en, m.text_zh, m.text_en, m.min_daily_aqi});
    return v;
  }();
  return all;
}

/// The tiers from the lowest, as the catalogue names them.
inline int tier_rank(const std::string& tier) { return tier == "III" ? 1 : tier == "II" ? 2 : tier == "I" ? 3 : 0; }

/// The catalogue named `name` (as profile::measures names it: the built-in whose plan lists
/// them), or nullptr when hpa holds none of that name.
inline const std::vector<measure>* measure_catalogue(std::string_view name) {
  if (name == default_profile_name) return &pingdingshan_2023_measures();
  return nullptr;
}

/// The measures of catalogue `all` in force at `tier`, cumulative (III ⊂ II ⊂ I): a tier the
/// catalogue does not know (IV, pre-control) has none of these.
inline std::vector<measure> measures_for(const std::string& tier, const std::vector<measure>& all) {
  std::vector<measure> out;
  const int rank = tier_rank(tier);
  for (const auto& m : all)
    if (rank > 0 && tier_rank(m.tier) <= rank) out.push_back(m);
  return out;
}

/// The measures profile `p` lists for `tier`, cumulative; empty when it lists none for it.
inline std::vector<measure> measures_for(const profile& p, const std::string& tier) {
  const auto* all = measure_catalogue(p.measures);
  return all ? measures_for(tier, *all) : std::vector<measure>{};
}

}  // namespace hpa
