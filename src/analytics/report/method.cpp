#include "analytics/report/report.hpp"

namespace pw::analytics {
namespace {

constexpr MethodNote kNotes[] = {
    {"Floor: missing referrals below a quota",
     "If advisers must make q referrals a week, weeks that would have had fewer are made up to exactly q. "
     "For each possible q from 1 to 30 we take the unit's weeks with q or fewer referrals and ask whether "
     "too many of them sit at exactly q, against a negative binomial model with the unit's own mean and its "
     "peers' spread (an exact binomial test). The smallest p-value is multiplied by the number of q values "
     "tried. Above the model's 95th percentile, where its tail is too thin to weigh against (two or three weeks "
     "made big by lumps of referrals would look like a pile), the weeks at q are weighed against the weeks within "
     "3 of it, as if evenly spread: a quota brought in part way through the period piles many weeks there with "
     "few around them. Wrong if: the unit's counts are naturally very steady (a fixed appointment "
     "schedule), or its peers are much more variable than it would be without a quota (peers who refer in lumps "
     "make a fat low tail, and a unit without them looks piled)."},
    {"Steadier than chance",
     "A quota smooths a unit's weeks: a week that would have been low is made up to the quota. Referrals made one "
     "by one, independently, vary at least as much as a Poisson count does (the variance is the mean), and every "
     "ordinary cause of variation (busy weeks, leave, sickness, turnover, surges, seasons) only adds to that. We "
     "measure how much the unit's count changes from one week to the next (half the mean squared difference "
     "between neighbouring weeks, so that a lasting change of level, such as a new adviser, counts once and not in "
     "every week) and test whether it is below the mean, one-sided, against a chi-square matched to that measure "
     "for independent Poisson weeks. Weeks lumpier than chance are reported but are not evidence: offices are "
     "lumpy for staffing reasons. Wrong if: a week's total is held level by something other than a quota: every "
     "appointment slot full every week with most no-shows referred, a fixed caseload of which a large share is "
     "referred each week, or a manager who shares out cases to keep each week level; or a counts file leaves out "
     "weeks (then, with no week at 0, the test does not run)."},
    {"Period-end share",
     "A unit catching up on a monthly target refers more in the month's last 5 working days; a weekly target "
     "shows on the last day of the week it is open (Friday for most offices). We look at the unit's referrals on "
     "those days against the days the unit is open: the weekdays given in the file's "
     "open_days column, or else the weekdays on which it made at least 2% of its referrals, less its nation's "
     "bank holidays. For the week, whether the last open day's share of a week's referrals falls as the week's "
     "total rises (a trend test): a quota is made up on that day only in weeks that fell short, while a busy week, "
     "a ceiling on appointments or a fixed day for paperwork take the same share of every week; the last day's "
     "share is reported but a share alone is not evidence. Referrals made together in a lump on another day (more "
     "of them on the same day than single referrals give) widen the trend's spread; for a unit open two days a "
     "week, whose one other day cannot tell a lump from a busy day, they are read off both its days. With an "
     "adviser column this is "
     "also read among the "
     "advisers, each on the last day they work (trends combined; the smaller of the office's and the advisers' "
     "p-values, doubled). For the month, "
     "the month-end days' referrals less what the unit's other days predict for them, against its spread measured "
     "from the unit's own weeks, never less than chance's (Student's t): a busy week lifts every day in it, "
     "month-end days with the rest, and "
     "a test of each referral on its own would take an office's busy weeks for month ends (it called 18% of "
     "offices of 40 referrals a week a month-end push when their weeks varied by a third). The smaller p-value is "
     "doubled. When the month part finds an excess, the report reads it month by month too: whether the excess "
     "is larger in months whose earlier days fell short of the unit's usual pace, as a target made up at the "
     "month end makes it (and work put off from earlier in the month), or the same every month, as a fixed "
     "monthly event does (a reading, not part of the p-value). Needs the date of each referral. Wrong if: appointments "
     "or courses that lead to referrals are "
     "themselves scheduled at month ends (a monthly caseload review in the month's last week; the month-by-month "
     "reading is the place to look); referrals not "
     "logged on a busy day are logged on the week's last day, so the last day fills as the others fall short; an "
     "adviser who works only early in the week is away for weeks at a time, which makes those weeks smaller and "
     "their last day a larger share; referrals come in bursts on a fixed other day of the week (a group "
     "session's no-shows on a review day), which makes the weeks with a burst bigger and their last day a smaller "
     "share every time; "
     "it keeps a local holiday the calendar does not know; or the dates are when a "
     "referral was recorded rather than made and the recording itself waits for month ends."},
    {"League race",
     "If offices are ranked against each other, a unit that fell below the peer median one week refers more the "
     "next. We measure how a unit's count follows its shortfall below the peer median the period before, and "
     "compare that with the same measure after shuffling the unit's periods at random (up to 100 times, stopping "
     "once 10 shuffles reach it, with a normal tail fitted beyond them when fewer do). Wrong if: the unit's caseload "
     "moves with the peer median, or recovers from "
     "dips for another reason (a trend or seasonal swing of its own, an adviser back from leave clearing a "
     "backlog). "
     "When the file has an adviser column, the race is also run among each office's advisers (with at least 3): "
     "how far each adviser's count is above their usual share of the office's referrals in a week, against their "
     "shortfall below the office's median adviser the week before, summed over the advisers, compared with the same "
     "sum with the office's weeks shuffled whole, odd weeks among odd and even among even (so a busy week, a holiday "
     "or a season the advisers share, and fortnightly signing, move with them). The office's p-value is the smaller "
     "of the two, doubled. Wrong if: advisers clear a backlog after leave or sickness (the week away is a shortfall, "
     "the week back a catch-up); referrals are logged a week after they are made in some weeks; an adviser's work "
     "comes round in a cycle of three weeks or more (a duty desk taken in turn, reviews in a fixed week of the "
     "month); a manager gives more cases to whoever had a quiet week, which is a race in effect if not in intent. "
     "For the office on its own: fortnightly signing of cohorts of unequal size."},
    {"Marginal outcome",
     "Referrals made to meet a quota tend to be weaker cases, so fewer are upheld. We compare the adverse share "
     "(and the share overturned on reconsideration) of referrals made in quota-like periods (a month's last 5 "
     "working days, or a week at exactly the quota the floor test found) with the unit's other referrals, by "
     "one-sided Fisher's exact tests. Wrong if: cases at month ends differ for other reasons, such as a "
     "particular kind of mandatory activity ending then."},
    {"Providers within an area",
     "In the Work Programme participants were allocated at random among the providers of an area, so "
     "differences in referral rates and adverse shares between them are not explained by who they serve. We test "
     "equal shares by a chi-square test across the area's providers and by two-proportion tests for each pair. "
     "Wrong if: the providers compared were not in one area (then differences may reflect who they serve), or "
     "allocation was not random in practice."},
    {"Combining the tests and many units",
     "Each unit gets the smallest p-value of its tests, corrected for having looked at several: 1 - (1 - p)^m, "
     "where m is fitted on simulated units with no quota that match the real units' size and spread, so that no more "
     "than 1% of them reach 1%, 2% reach 2% and 5% reach 5% (the false discovery rate's line falls below 5% when many "
     "units are flagged). m can be larger than the number of tests where the tests reject a true null more often "
     "than they should, and m absorbs that (up to four times the tests). Across units "
     "we control the false discovery rate (Benjamini-Hochberg): among units flagged at q-value 5%, we expect "
     "about 5% or fewer to be false alarms."},
};

constexpr std::string_view kAssumptions[] = {
    "A small p-value says the pattern would be rare without a quota-like pressure. It does not prove a target "
    "exists, who set it, or that any one referral was wrong.",
    "Working days are Monday to Friday less the bank holidays of England and Wales, Scotland or Northern Ireland "
    "(the file's nation column; England and Wales when it is empty), as published on gov.uk; local holidays are "
    "not known.",
    "Each unit works the weekdays in the file's open_days column, or, without one, the weekdays on which it made "
    "at least 2% of its referrals.",
    "Every unit's history runs over the whole period of the file (or, with providerwatch detect, --from to --to): "
    "weeks without referrals "
    "count as zeros, even before a unit's first referral, unless a run of them at the start or end is less likely "
    "than one in a million at the unit's own rate (an office that opened or closed during the period): those weeks "
    "are left out as unknown.",
    "Bank holidays are known for 2010 to 2030; outside those years none are.",
    "Weeks cut by the start or end of the period are left out of the weekly counts.",
    "A unit's peers are the units with the same parent (when it has at least 5), else every unit in the file.",
    "Referral counts are treated as exact: a file that misses referrals, or counts one twice, changes the results.",
};

}  // namespace

std::span<const MethodNote> method_notes() {
    return kNotes;
}
std::span<const std::string_view> assumptions() {
    return kAssumptions;
}

}  // namespace pw::analytics
