// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

namespace sentinel::cli {

// Each command lives in its own file; declare its entry point here and list it below.
int runVersion(Invocation&);
int runConfigCheck(Invocation&);
int runRun(Invocation&);
int runSessions(Invocation&);
int runMarketStatus(Invocation&);
int runFreshness(Invocation&);
int runNotifyTest(Invocation&);
int runParseAlphaVantage(Invocation&);
int runParseOanda(Invocation&);
int runParseCoinbase(Invocation&);
int runVar(Invocation&);
int runJournalVerify(Invocation&);
int runBrokerCheck(Invocation&);
int runAdvisorTest(Invocation&);
int runControl(Invocation&);
int runReport(Invocation&);

const QList<Command>& commands()
{
    static const QList<Command> all{
        {{QStringLiteral("--version")}, QStringLiteral("Print the version."), &runVersion},
        {{QStringLiteral("config"), QStringLiteral("check")}, QStringLiteral("Validate the configuration; list every problem."), &runConfigCheck},
        {{QStringLiteral("run")}, QStringLiteral("Run the engine headless (real time or --simulate); print a JSON summary."), &runRun},
        {{QStringLiteral("sessions")}, QStringLiteral("Regular sessions of a market between two dates (CSV)."), &runSessions},
        {{QStringLiteral("market-status")}, QStringLiteral("Whether a market is open at an instant, and why (JSON)."),
         &runMarketStatus},
        {{QStringLiteral("freshness")}, QStringLiteral("Freshness verdict for a newest bar at an instant (JSON)."),
         &runFreshness},
        {{QStringLiteral("notify"), QStringLiteral("test")},
         QStringLiteral("Send one test message through every enabled channel."), &runNotifyTest},
        {{QStringLiteral("parse"), QStringLiteral("alphavantage")},
         QStringLiteral("Parse a saved Alpha Vantage body; print normalised JSON or a typed error."),
         &runParseAlphaVantage},
        {{QStringLiteral("parse"), QStringLiteral("oanda")},
         QStringLiteral("Parse a saved OANDA candles body; print normalised bars (live bar apart) or a typed error."),
         &runParseOanda},
        {{QStringLiteral("parse"), QStringLiteral("coinbase")},
         QStringLiteral("Parse a saved Coinbase candles body; print normalised JSON or a typed error."), &runParseCoinbase},
        {{QStringLiteral("var")}, QStringLiteral("Value at risk of a file of returns (JSON)."), &runVar},
        {{QStringLiteral("journal"), QStringLiteral("verify")}, QStringLiteral("Check a journal file against every integrity rule."), &runJournalVerify},
        {{QStringLiteral("broker"), QStringLiteral("check")},
         QStringLiteral("Connect to the configured broker; print its account and open positions (JSON)."), &runBrokerCheck},
        {{QStringLiteral("advisor"), QStringLiteral("test")},
         QStringLiteral("Health-check every advisor model server and ask each one fixed prompt (JSON)."), &runAdvisorTest},
        {{QStringLiteral("control")},
         QStringLiteral("status, pause, resume, flatten or kill the engine running on this configuration's journal (JSON)."),
         &runControl},
        {{QStringLiteral("report")},
         QStringLiteral("Performance of a journal's trades: win rate, profit factor, drawdown, Sharpe, Sortino (JSON or CSV)."),
         &runReport},
    };
    return all;
}

} // namespace sentinel::cli
