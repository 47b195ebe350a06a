// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel var`: VaR and expected shortfall of a file of returns, as one JSON object.
#include "Cli.h"

#include "common/BoundedFile.h"
#include "common/Excerpt.h"
#include "common/ExitCode.h"
#include "risk/Quantile.h"
#include "risk/VarEstimator.h"

#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <optional>
#include <vector>

namespace sentinel::cli {

namespace {

struct ReturnsFile {
    std::vector<double> returns;
    QString problem; ///< empty when the file was read and every line is a return
};

// One return a line as a decimal fraction; blank lines and '#' comments (whole-line or
// trailing) are skipped. Anything else that is not a finite number stops with its line number:
// a VaR over a silently shortened history would be a wrong number.
ReturnsFile readReturns(const QString& path)
{
    ReturnsFile result;
    const Result<QByteArray> content = readBoundedFile(path, FileKind::Returns);
    if (!content) {
        result.problem = content.error().toString();
        return result;
    }
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::RejectGroupSeparator);
    int lineNumber = 0;
    const QByteArray& bytes = *content;
    for (qsizetype start = 0; start < bytes.size();) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        ++lineNumber;
        const QString line = QString::fromUtf8(QByteArrayView(bytes).sliced(start, end - start));
        start = end + 1;
        const QString text = line.left(line.indexOf(u'#')).trimmed();
        if (text.isEmpty())
            continue;
        bool ok = false;
        const double value = c.toDouble(text, &ok);
        if (!ok || !std::isfinite(value)) {
            result.problem = QStringLiteral("%1 line %2: '%3' is not a finite decimal return (write 1.5 % as 0.015)")
                                 .arg(path)
                                 .arg(lineNumber)
                                 .arg(excerpt(text));
            return result;
        }
        result.returns.push_back(value);
    }
    return result;
}

std::optional<AssetClass> parseAssetClass(const QString& name)
{
    for (const AssetClass assetClass : {AssetClass::Fx, AssetClass::Crypto, AssetClass::Equity}) {
        if (name == assetClassName(assetClass))
            return assetClass;
    }
    return std::nullopt;
}

std::optional<VarMethod> parseMethod(const QString& name)
{
    for (const VarMethod method : {VarMethod::Historical, VarMethod::Parametric, VarMethod::Bootstrap}) {
        if (name == varMethodName(method))
            return method;
    }
    return std::nullopt;
}

} // namespace

int runVar(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Value at risk and expected shortfall of FILE (one return a line, a decimal fraction; blank lines and "
        "# comments ignored), printed as positive loss fractions in one JSON object."));
    addGlobalOptions(parser);
    const QCommandLineOption methodOption(QStringLiteral("method"), QStringLiteral("historical, parametric or bootstrap."),
                                          QStringLiteral("METHOD"));
    const QCommandLineOption confidenceOption(QStringLiteral("confidence"),
                                              QStringLiteral("Confidence level, strictly between 0 and 1 (e.g. 0.95)."),
                                              QStringLiteral("C"));
    const QCommandLineOption horizonOption(QStringLiteral("horizon-days"),
                                           QStringLiteral("Horizon in days, scaled by its square root (default 1)."),
                                           QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption assetClassOption(QStringLiteral("asset-class"),
                                              QStringLiteral("Bootstrap prior: fx, crypto or equity (default equity)."),
                                              QStringLiteral("CLASS"), QStringLiteral("equity"));
    const QCommandLineOption minReturnsOption(
        QStringLiteral("min-returns"), QStringLiteral("Bootstrap: returns from which it is purely historical (default 30)."),
        QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption resamplesOption(QStringLiteral("resamples"),
                                             QStringLiteral("Bootstrap: draws per estimate (default 10000)."),
                                             QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Bootstrap: random seed (default fixed)."),
                                        QStringLiteral("S"),
                                        QString::number(BootstrapOptions::kDefaultSeed));
    parser.addOptions({methodOption, confidenceOption, horizonOption, assetClassOption, minReturnsOption,
                       resamplesOption, seedOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Returns, one a line."));
    if (const auto status = parseArguments(parser, invocation, nullptr, 1))
        return *status;

    if (parser.positionalArguments().size() != 1)
        return usageError(invocation, QStringLiteral("give exactly one FILE of returns"));
    const auto method = parseMethod(parser.value(methodOption));
    if (!method)
        return usageError(invocation, QStringLiteral("--method must be historical, parametric or bootstrap (got '%1')")
                                          .arg(excerpt(parser.value(methodOption))));
    bool ok = false;
    const double confidence = QLocale::c().toDouble(parser.value(confidenceOption), &ok);
    if (!parser.isSet(confidenceOption) || !ok || !(confidence > 0.0 && confidence < 1.0))
        return usageError(invocation, QStringLiteral("--confidence must be a number strictly between 0 and 1, such as "
                                                     "0.95 (got '%1')")
                                          .arg(excerpt(parser.value(confidenceOption))));
    const int horizonDays = parser.value(horizonOption).toInt(&ok);
    if (!ok || horizonDays < 1 || horizonDays > 3650)
        return usageError(invocation, QStringLiteral("--horizon-days must be a whole number from 1 to 3650 (got '%1')")
                                          .arg(excerpt(parser.value(horizonOption))));
    const auto assetClass = parseAssetClass(parser.value(assetClassOption));
    if (!assetClass)
        return usageError(invocation, QStringLiteral("--asset-class must be fx, crypto or equity (got '%1')")
                                          .arg(excerpt(parser.value(assetClassOption))));
    BootstrapOptions options;
    options.minReturns = parser.value(minReturnsOption).toInt(&ok);
    if (!ok || options.minReturns < 1)
        return usageError(invocation, QStringLiteral("--min-returns must be a whole number of 1 or more (got '%1')")
                                          .arg(excerpt(parser.value(minReturnsOption))));
    options.resamples = parser.value(resamplesOption).toInt(&ok);
    if (!ok || options.resamples < 1 || options.resamples > 10'000'000)
        return usageError(invocation, QStringLiteral("--resamples must be a whole number from 1 to 10000000 (got '%1')")
                                          .arg(excerpt(parser.value(resamplesOption))));
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return usageError(invocation, QStringLiteral("--seed must be an unsigned 64-bit integer (got '%1')")
                                          .arg(excerpt(parser.value(seedOption))));

    const ReturnsFile file = readReturns(parser.positionalArguments().constFirst());
    if (!file.problem.isEmpty())
        return usageError(invocation, file.problem);

    const VarEstimator estimator(options);
    const Result<RiskReport> report = *method == VarMethod::Historical ? estimator.historical(file.returns, confidence, horizonDays)
        : *method == VarMethod::Parametric ? estimator.parametric(file.returns, confidence, horizonDays)
                                           : estimator.bootstrap(file.returns, *assetClass, confidence, horizonDays);
    if (!report)
        return usageError(invocation, report.error().toString());
    // Finite returns can still give no finite figure (±1e308 overflows the sums): that is bad
    // input, never `"var": null` with exit 0 (issue 18).
    for (const auto& [name, figure] : {std::pair{"VaR", report->var}, std::pair{"expected shortfall", report->expectedShortfall}}) {
        if (!std::isfinite(figure))
            return usageError(invocation, QStringLiteral("non_finite_result: the %1 of these returns is %2, not a finite number "
                                                         "(returns as large as these overflow the arithmetic); write returns "
                                                         "as decimal fractions such as 0.015")
                                              .arg(QLatin1String(name))
                                              .arg(figure));
    }

    QJsonObject json{
        {QStringLiteral("method"), varMethodName(report->method)},
        {QStringLiteral("label"), report->methodLabel()},
        {QStringLiteral("confidence"), report->confidence},
        {QStringLiteral("horizon_days"), report->horizonDays},
        {QStringLiteral("samples"), report->samples},
        {QStringLiteral("var"), report->var},
        {QStringLiteral("expected_shortfall"), report->expectedShortfall},
        {QStringLiteral("convention"), *method == VarMethod::Parametric
                                           ? QStringLiteral("normal")
                                           : quantileConventionName(kProductionQuantileConvention)},
    };
    if (*method == VarMethod::Bootstrap) {
        json.insert(QStringLiteral("asset_class"), assetClassName(*assetClass));
        json.insert(QStringLiteral("prior_daily_volatility"), options.prior.dailyVolatility(*assetClass));
        json.insert(QStringLiteral("historical_weight"), report->historicalWeight);
        json.insert(QStringLiteral("min_returns"), options.minReturns);
        json.insert(QStringLiteral("resamples"), options.resamples);
        // A string: a JSON number cannot carry every 64-bit seed exactly.
        json.insert(QStringLiteral("seed"), QString::number(options.seed));
    }
    invocation.out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
    return ExitOk;
}

} // namespace sentinel::cli
