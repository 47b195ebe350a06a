// SPDX-License-Identifier: GPL-3.0-or-later
// Model names: a name without a tag is `:latest`, and nothing but a name is ever accepted.
#include "advisor/AdvisorError.h"
#include "advisor/ModelName.h"

#include <QTest>

using namespace sentinel;
using namespace sentinel::advisor;

class TestModelName final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void matchesListedNames_data();
    void matchesListedNames();
};

void TestModelName::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("full");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("tag");

    QTest::newRow("a name without a tag means latest") << u"llama3.2"_qs << u"llama3.2:latest"_qs << u"llama3.2"_qs << u"latest"_qs;
    QTest::newRow("a name with a tag is kept") << u"llama3.1:8b"_qs << u"llama3.1:8b"_qs << u"llama3.1"_qs << u"8b"_qs;
    QTest::newRow("a namespaced name without a tag means latest") << u"library/mistral"_qs << u"library/mistral:latest"_qs
                                                                  << u"library/mistral"_qs << u"latest"_qs;
    QTest::newRow("a hugging face name with a quantisation tag is kept")
        << u"hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M"_qs << u"hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M"_qs
        << u"hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF"_qs << u"Q4_K_M"_qs;
    QTest::newRow("a registry port is not a tag") << u"registry.local:5000/team/model"_qs << u"registry.local:5000/team/model:latest"_qs
                                                  << u"registry.local:5000/team/model"_qs << u"latest"_qs;
    QTest::newRow("an explicit latest stays latest") << u"qwen2.5:latest"_qs << u"qwen2.5:latest"_qs << u"qwen2.5"_qs << u"latest"_qs;
}

void TestModelName::accepted()
{
    QFETCH(QString, text);
    QFETCH(QString, full);
    QFETCH(QString, base);
    QFETCH(QString, tag);
    const auto name = ModelName::parse(text);
    QVERIFY2(name.ok(), qPrintable(name.ok() ? QString() : name.error().message));
    QCOMPARE(name.value().full(), full);
    QCOMPARE(name.value().base(), base);
    QCOMPARE(name.value().tag(), tag);
    // Reading the normalised name again changes nothing.
    QCOMPARE(ModelName::parse(full).value(), name.value());
}

void TestModelName::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named");

    QTest::newRow("an empty name") << QString() << u"is empty"_qs;
    QTest::newRow("a blank name") << u"   "_qs << u"whitespace"_qs;
    QTest::newRow("a trailing space") << u"llama3.2 "_qs << u"whitespace"_qs;
    QTest::newRow("a leading tab") << u"\tllama3.2"_qs << u"control character U+0009"_qs;
    QTest::newRow("a newline") << u"llama3.2\n"_qs << u"control character U+000a"_qs;
    QTest::newRow("a terminal escape") << u"llama\x1b[31m"_qs << u"control character U+001b"_qs;
    QTest::newRow("a NUL") << QString(QStringLiteral("llama") + QChar(0) + QStringLiteral("x")) << u"control character U+0000"_qs;
    QTest::newRow("a shell command") << u"llama;rm"_qs << u"contains ';'"_qs;
    QTest::newRow("a command substitution") << u"llama$(id)"_qs << u"contains '$'"_qs;
    QTest::newRow("a non-ascii letter") << u"mod\u00e8le"_qs << u"contains '\u00e8'"_qs;
    QTest::newRow("a colon and no tag") << u"llama3.2:"_qs << u"nothing after ':'"_qs;
    QTest::newRow("a tag and no name") << u":8b"_qs << u"empty part"_qs;
    QTest::newRow("two tags") << u"llama:8b:q4"_qs << u"more than one ':'"_qs;
    QTest::newRow("an empty path part") << u"library//llama"_qs << u"empty part"_qs;
    QTest::newRow("a trailing slash") << u"library/"_qs << u"empty part"_qs;
    QTest::newRow("a parent-folder part") << u"../../etc/passwd"_qs << u"'..' part"_qs;
    QTest::newRow("a dot-dot tag") << u"llama:.."_qs << u"the tag '..'"_qs;
    QTest::newRow("a colon in a namespace") << u"team:x/model"_qs << u"':' before its last '/'"_qs;
    QTest::newRow("a registry port that is no number") << u"host:http/team/model"_qs << u"port"_qs;
    QTest::newRow("a name over the length cap") << QString(257, u'a') << u"257 characters"_qs;
    QTest::newRow("a name with no room for latest") << QString(250, u'a') << u":latest"_qs;
}

void TestModelName::refused()
{
    QFETCH(QString, text);
    QFETCH(QString, named);
    const auto name = ModelName::parse(text);
    QVERIFY2(!name.ok(), qPrintable(name.ok() ? name.value().full() : QString()));
    QCOMPARE(name.error().kind, QString::fromUtf16(advisorError::InvalidModelName));
    QVERIFY2(name.error().message.contains(named), qPrintable(name.error().message));
    QVERIFY(!name.error().remedy.isEmpty());
    // The message never carries the control characters it names.
    for (const QChar c : name.error().message)
        QVERIFY(c.category() != QChar::Other_Control);
}

void TestModelName::matchesListedNames_data()
{
    QTest::addColumn<QString>("configured");
    QTest::addColumn<QString>("listed");
    QTest::addColumn<bool>("matches");

    QTest::newRow("a name without a tag is the latest one listed") << u"llama3.2"_qs << u"llama3.2:latest"_qs << true;
    QTest::newRow("a listed name without a tag is latest too") << u"llama3.2:latest"_qs << u"llama3.2"_qs << true;
    QTest::newRow("case does not matter, as in ollama") << u"Llama3.2"_qs << u"llama3.2:LATEST"_qs << true;
    QTest::newRow("another tag is another model") << u"llama3.2"_qs << u"llama3.2:1b"_qs << false;
    QTest::newRow("a shorter name is another model") << u"llama3.2"_qs << u"llama3:latest"_qs << false;
    QTest::newRow("a listed name that is no name matches nothing") << u"llama3.2"_qs << u"llama3.2 :latest"_qs << false;
}

void TestModelName::matchesListedNames()
{
    QFETCH(QString, configured);
    QFETCH(QString, listed);
    QFETCH(bool, matches);
    QCOMPARE(ModelName::parse(configured).value().matches(listed), matches);
}

QTEST_GUILESS_MAIN(TestModelName)
#include "tst_modelname.moc"
