// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <algorithm>

namespace sentinel {

/// A flat table of value rows identified by a string key, updated in place: a known key changes
/// its row (one dataChanged), an unknown key appends a row. Views keep selection and scroll
/// position across engine updates because rows are never rebuilt wholesale.
template <typename T>
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    [[nodiscard]] const T& rowAt(int row) const { return m_rows.at(row); }
    /// -1 when the key is unknown.
    [[nodiscard]] int rowOfKey(const QString& key) const { return m_rowByKey.value(key, -1); }

protected:
    [[nodiscard]] virtual QString keyOf(const T& value) const = 0;

    void upsert(const T& value)
    {
        const QString key = keyOf(value);
        const auto found = m_rowByKey.constFind(key);
        if (found == m_rowByKey.cend()) {
            const int row = int(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.append(value);
            m_rowByKey.insert(key, row);
            endInsertRows();
            return;
        }
        m_rows[*found] = value;
        Q_EMIT dataChanged(index(*found, 0), index(*found, columnCount() - 1));
    }

    /// upsert() for many values at once: new keys are appended in one insertion and updated rows
    /// are announced with one dataChanged over their span, so a batch of 200 snapshots costs the
    /// views one repaint instead of 200.
    void upsertAll(const QList<T>& values)
    {
        QList<T> added;
        int first = -1;
        int last = -1;
        for (const T& value : values) {
            const auto found = m_rowByKey.constFind(keyOf(value));
            if (found == m_rowByKey.cend()) {
                added.append(value);
                continue;
            }
            m_rows[*found] = value;
            first = first < 0 ? *found : std::min(first, *found);
            last = std::max(last, *found);
        }
        if (first >= 0)
            Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
        if (added.isEmpty())
            return;
        const int start = int(m_rows.size());
        // A key repeated within one batch is one row; the later value wins.
        QList<T> unique;
        QHash<QString, int> positions;
        for (const T& value : std::as_const(added)) {
            const QString key = keyOf(value);
            if (positions.contains(key)) {
                unique[positions.value(key)] = value;
                continue;
            }
            positions.insert(key, int(unique.size()));
            unique.append(value);
        }
        beginInsertRows({}, start, start + int(unique.size()) - 1);
        for (const T& value : std::as_const(unique)) {
            m_rowByKey.insert(keyOf(value), int(m_rows.size()));
            m_rows.append(value);
        }
        endInsertRows();
    }

    /// Makes the table hold exactly `values`: updates known rows, appends new ones and removes
    /// rows whose key is no longer present.
    void sync(const QList<T>& values)
    {
        QSet<QString> keep;
        for (const T& value : values)
            keep.insert(keyOf(value));
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (keep.contains(keyOf(m_rows.at(row))))
                continue;
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            reindex();
            endRemoveRows();
        }
        for (const T& value : values)
            upsert(value);
    }

    void removeRowAt(int row)
    {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        reindex();
        endRemoveRows();
    }

    void insertRowAt(int row, const T& value)
    {
        beginInsertRows({}, row, row);
        m_rows.insert(row, value);
        reindex();
        endInsertRows();
    }

    void replaceRowAt(int row, const T& value)
    {
        m_rows[row] = value;
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }

    QList<T> m_rows;

private:
    void reindex()
    {
        m_rowByKey.clear();
        for (int row = 0; row < int(m_rows.size()); ++row)
            m_rowByKey.insert(keyOf(m_rows.at(row)), row);
    }

    QHash<QString, int> m_rowByKey;
};

} // namespace sentinel
