// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalQuery.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace sentinel::test {

QVariant queryJournal(const QString& path, const QString& sql, const QVariantList& binds)
{
    const QString name = QStringLiteral("probe-%1").arg(QRandomGenerator::global()->generate());
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant& bind : binds)
                query.addBindValue(bind);
            if (query.exec() && query.next())
                value = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace sentinel::test
