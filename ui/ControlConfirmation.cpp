// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ControlConfirmation.h"

#include "ui/Format.h"
#include "ui/Theme.h"

#include <QGridLayout>
#include <QGuiApplication>
#include <QPushButton>
#include <QSpacerItem>

#include <cmath>

namespace sentinel {

namespace {
QPalette paletteOf(const QWidget* parent)
{
    return parent ? parent->palette() : QGuiApplication::palette();
}

/// A table cell that never wraps; figures are right-aligned with room to their left.
QString cell(const QString& text, bool number, const QColor& colour = {})
{
    QString style = QStringLiteral("white-space:nowrap;");
    if (number)
        style += QStringLiteral("padding-left:14px;");
    if (colour.isValid())
        style += QStringLiteral("color:%1;").arg(colour.name());
    return QStringLiteral("<td align=\"%1\" style=\"%2\">%3</td>")
        .arg(number ? QStringLiteral("right") : QStringLiteral("left"), style, text.toHtmlEscaped());
}
} // namespace

ControlConfirmation::ControlConfirmation(QMessageBox::Icon icon, const QString& title, const QString& objectName,
                                         QWidget* parent)
    : QMessageBox(icon, title, QString(), QMessageBox::NoButton, parent)
{
    setObjectName(objectName);
    setWindowModality(Qt::WindowModal);
    setTextFormat(Qt::RichText);
    connect(this, &QMessageBox::finished, this, [this] {
        if (m_confirm && clickedButton() == m_confirm)
            Q_EMIT confirmed();
    });
}

void ControlConfirmation::widen()
{
    // QMessageBox wraps its text at half the screen's width, at most 500 px: too narrow for a
    // table of positions and three numbered steps. A fixed-width spacer under the grid's last row
    // gives the text room (QMessageBox never grows past its own hard limit). It goes in last:
    // setInformativeText() rebuilds the layout.
    auto* grid = qobject_cast<QGridLayout*>(layout());
    if (!grid)
        return;
    const int width = fontMetrics().lineSpacing() * 36;
    grid->addItem(new QSpacerItem(width, 0, QSizePolicy::Fixed, QSizePolicy::Minimum), grid->rowCount(), 0, 1,
                  grid->columnCount());
}

void ControlConfirmation::addChoice(const QString& confirmText, const QString& confirmObjectName)
{
    QPushButton* confirm = addButton(confirmText, QMessageBox::AcceptRole);
    confirm->setObjectName(confirmObjectName);
    QPushButton* cancel = addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelControlButton"));
    setDefaultButton(confirm);
    setEscapeButton(cancel);
    m_confirm = confirm;
    m_cancel = cancel;
}

void ControlConfirmation::addAcknowledgement()
{
    QPushButton* ok = addButton(QMessageBox::Ok);
    ok->setObjectName(QStringLiteral("okControlButton"));
    setDefaultButton(ok);
    setEscapeButton(ok);
    m_cancel = ok;
}

QString ControlConfirmation::positionsTable(const PortfolioView& portfolio, const QPalette& palette)
{
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\"><tr>");
    html += QStringLiteral("<th align=\"left\" style=\"white-space:nowrap;\">%1</th>")
                .arg(tr("Instrument").toHtmlEscaped());
    for (const QString& title : {tr("Quantity"), tr("Price"), tr("Unrealised P&L")})
        html += QStringLiteral("<th align=\"right\" style=\"white-space:nowrap;padding-left:14px;\">%1</th>")
                    .arg(title.toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (const PositionView& p : portfolio.positions) {
        QColor pnl;
        if (p.unrealizedPnl >= 0.005)
            pnl = Theme::positiveColor(palette);
        else if (p.unrealizedPnl <= -0.005)
            pnl = Theme::negativeColor(palette);
        html += QStringLiteral("<tr>") + cell(Format::instrumentKey(p.instrumentKey), false) +
                cell(Format::quantity(p.quantity), true) + cell(Format::price(p.marketPrice), true) +
                cell(Format::profit(p.unrealizedPnl, portfolio.currency), true, pnl) + QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    return html;
}

ControlConfirmation* ControlConfirmation::flatten(const std::optional<PortfolioView>& portfolio, QWidget* parent)
{
    if (!portfolio) {
        auto* box = new ControlConfirmation(QMessageBox::Information, tr("Flatten all positions"),
                                            QStringLiteral("flattenConfirmation"), parent);
        box->setText(tr("The account has not been reported yet, so there is no list of positions to confirm."));
        box->setInformativeText(tr("Try again when the Positions panel shows the account."));
        box->addAcknowledgement();
        return box;
    }
    if (portfolio->positions.isEmpty()) {
        auto* box = new ControlConfirmation(QMessageBox::Information, tr("Flatten all positions"),
                                            QStringLiteral("flattenConfirmation"), parent);
        box->setText(tr("No open positions: there is nothing to flatten."));
        box->addAcknowledgement();
        return box;
    }
    const int count = int(portfolio->positions.size());
    auto* box = new ControlConfirmation(QMessageBox::Warning, tr("Flatten all positions"),
                                        QStringLiteral("flattenConfirmation"), parent);
    // Two sentences rather than "position(s)": English has no translation file to pick a plural.
    const QString question = count == 1 ? tr("Close the open position below at market?")
                                        : tr("Close the %n open positions below at market?", nullptr, count);
    box->setText(QStringLiteral("<p><b>%1</b></p>").arg(question.toHtmlEscaped()) +
                 positionsTable(*portfolio, paletteOf(parent)));
    box->setInformativeText(tr("The platform closes each at the market price it gets, which may differ from the "
                               "price shown. Trading is not paused: new proposals still come. The kill switch "
                               "pauses as well."));
    box->addChoice(tr("Flatten All"), QStringLiteral("confirmFlattenButton"));
    box->widen();
    return box;
}

ControlConfirmation* ControlConfirmation::killSwitch(const std::optional<PortfolioView>& portfolio,
                                                     int pendingProposals, bool paused, QWidget* parent)
{
    auto* box = new ControlConfirmation(QMessageBox::Critical, tr("Kill switch"),
                                        QStringLiteral("killSwitchConfirmation"), parent);
    const auto item = [](const QString& head, const QString& rest) {
        return QStringLiteral("<li><b>%1</b> %2</li>").arg(head.toHtmlEscaped(), rest.toHtmlEscaped());
    };
    QString html = QStringLiteral("<p><b>%1</b></p><ol>")
                       .arg(tr("Activate the kill switch? It does three things at once:").toHtmlEscaped());
    html += paused ? item(tr("Trading stays paused:"), tr("no new proposals until you resume."))
                   : item(tr("Pause trading:"), tr("no new proposals until you resume; alerts go on."));
    html += pendingProposals > 0
                ? item(tr("Reject every pending proposal:"), tr("%n waiting now.", nullptr, pendingProposals))
                : item(tr("Reject every pending proposal:"), tr("none is waiting now."));
    if (!portfolio)
        html += item(
            tr("Close every open position at market:"),
            tr("the account has not been reported yet, so none can be listed; the platform closes what it holds."));
    else if (portfolio->positions.isEmpty())
        html += item(tr("Close every open position at market:"), tr("none is open now."));
    else
        html += item(tr("Close every open position at market:"),
                     tr("%n open now, listed below.", nullptr, int(portfolio->positions.size())));
    html += QStringLiteral("</ol>");
    if (portfolio && !portfolio->positions.isEmpty())
        html += positionsTable(*portfolio, paletteOf(parent));
    box->setText(html);
    box->setInformativeText(tr("Closed positions stay closed and rejected proposals do not come back. "
                               "Trading stays paused until you resume it."));
    box->addChoice(tr("Activate Kill Switch"), QStringLiteral("confirmKillSwitchButton"));
    box->widen();
    return box;
}

ControlConfirmation* ControlConfirmation::closePosition(const PositionView& position, const QString& currency,
                                                        QWidget* parent)
{
    auto* box = new ControlConfirmation(QMessageBox::Question, tr("Close position"),
                                        QStringLiteral("closePositionConfirmation"), parent);
    const QString instrument = Format::instrumentKey(position.instrumentKey);
    const QString size = Format::quantity(std::abs(position.quantity));
    const QString order = position.quantity < 0 ? tr("The platform buys %1 at market.").arg(size)
                                                : tr("The platform sells %1 at market.").arg(size);
    box->setText(
        QStringLiteral("<p><b>%1</b></p><p>%2</p>")
            .arg(
                tr("Close the position of %1 %2?").arg(Format::quantity(position.quantity), instrument).toHtmlEscaped(),
                order.toHtmlEscaped()));
    box->setInformativeText(tr("Average price %1, market price %2, unrealised P&L %3.")
                                .arg(Format::price(position.averagePrice), Format::price(position.marketPrice),
                                     Format::profit(position.unrealizedPnl, currency)));
    box->addChoice(tr("Close Position"), QStringLiteral("confirmClosePositionButton"));
    return box;
}

} // namespace sentinel
