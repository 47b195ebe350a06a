// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/JsonDuplicateKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QSet>

namespace sentinel::advisor {

namespace {

struct Frame {
    bool object = false;
    QString path;
    QSet<QString> keys;
    QString lastKey;
    qsizetype index = 0;
};

/// Where the string at `start` (its opening quote) ends: the index of its closing quote, or the
/// end of the text when it has none.
qsizetype stringEnd(QByteArrayView json, qsizetype start)
{
    for (qsizetype i = start + 1; i < json.size(); ++i) {
        if (json.at(i) == '\\')
            ++i;
        else if (json.at(i) == '"')
            return i;
    }
    return json.size();
}

QString decodeKey(QByteArrayView token)
{
    if (!token.contains('\\'))
        return QString::fromUtf8(token.sliced(1, token.size() - 2));
    QByteArray wrapped = "[" + token.toByteArray() + "]";
    return QJsonDocument::fromJson(wrapped).array().at(0).toString();
}

QString childPath(const Frame& parent)
{
    if (parent.object)
        return parent.path.isEmpty() ? parent.lastKey : parent.path + u'.' + parent.lastKey;
    return parent.path + u'[' + QString::number(parent.index) + u']';
}

} // namespace

std::optional<QString> firstDuplicateKey(QByteArrayView json)
{
    QList<Frame> stack;
    char previous = 0; // the last structural character outside strings
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            const qsizetype end = stringEnd(json, i);
            if (end >= json.size())
                return std::nullopt;
            const bool isKey = !stack.isEmpty() && stack.last().object && (previous == '{' || previous == ',');
            if (isKey) {
                Frame& frame = stack.last();
                QString key = decodeKey(json.sliced(i, end - i + 1));
                if (frame.keys.contains(key))
                    return frame.path.isEmpty() ? key : frame.path + u'.' + key;
                frame.keys.insert(key);
                frame.lastKey = std::move(key);
            }
            previous = '"';
            i = end;
            continue;
        }
        switch (c) {
        case '{':
        case '[': {
            Frame frame;
            frame.object = c == '{';
            frame.path = stack.isEmpty() ? QString() : childPath(stack.last());
            stack.append(std::move(frame));
            previous = c;
            break;
        }
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            previous = c;
            break;
        case ',':
            if (!stack.isEmpty() && !stack.last().object)
                ++stack.last().index;
            previous = c;
            break;
        case ':':
            previous = c;
            break;
        default:
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                previous = 'v';
            break;
        }
    }
    return std::nullopt;
}

} // namespace sentinel::advisor
