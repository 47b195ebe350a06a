// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CacheModel.h"

#include "ui/Format.h"
#include "ui/Theme.h"

#include <QGuiApplication>
#include <QLocale>

namespace sentinel {

CacheModel::CacheModel(QObject* parent) : KeyedTableModel(parent) {}

int CacheModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CacheModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CacheSnapshot& c = rowAt(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case NameColumn: return c.name;
        case BackendColumn: return c.enabled ? c.backend : tr("disabled");
        case HitRateColumn: return c.hits + c.misses == 0 ? QStringLiteral("—") : Format::percent(c.hitRate());
        case HitsColumn: return locale.toString(c.hits);
        case MissesColumn: return locale.toString(c.misses);
        case EvictionsColumn: return locale.toString(c.evictions);
        case ExpirationsColumn: return locale.toString(c.expirations);
        case EntriesColumn: return locale.toString(c.entries);
        default: return {};
        }
    case Qt::ForegroundRole:
        // A degraded backend ("redis (degraded: memory)") is worth a second look.
        if (index.column() == BackendColumn && c.backend.contains(u"degraded"))
            return Theme::warningColor(QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= HitRateColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant CacheModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Cache");
    case BackendColumn: return tr("Backend");
    case HitRateColumn: return tr("Hit rate");
    case HitsColumn: return tr("Hits");
    case MissesColumn: return tr("Misses");
    case EvictionsColumn: return tr("Evictions");
    case ExpirationsColumn: return tr("Expired");
    case EntriesColumn: return tr("Entries");
    default: return {};
    }
}

void CacheModel::applyCaches(const QList<CacheSnapshot>& caches)
{
    sync(caches);
}

} // namespace sentinel
