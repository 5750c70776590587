#include "Playbook.h"

#include "analytics/MetricField.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>

#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Playbook", text);
}

const char *const kindKeys[] = {"threshold", "decline", "bandChanged", "firstValueReached", "firstValueMissing",
                                "featureDecline"};
const char *const opKeys[] = {"below", "above", "atMost", "atLeast"};
const char *const actionKeys[] = {"task", "stage", "tag", "field", "webhook", "email"};

template <typename Enum, std::size_t N>
std::optional<Enum> fromKey(const char *const (&keys)[N], const QString &key)
{
    for (std::size_t i = 0; i < N; ++i)
        if (key == QLatin1String(keys[i]))
            return Enum(i);
    return std::nullopt;
}

QString metricTitle(const QString &column)
{
    const std::optional<MetricField> field = MetricFields::fromColumn(column);
    return field ? MetricFields::title(*field) : column;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        if (!v.toString().isEmpty())
            out << v.toString();
    return out;
}

} // namespace

// --- Trigger ------------------------------------------------------------------------------------

QString PlaybookTrigger::kindKey(Kind kind)
{
    return QString::fromLatin1(kindKeys[int(kind)]);
}

std::optional<PlaybookTrigger::Kind> PlaybookTrigger::kindFromKey(const QString &key)
{
    return fromKey<Kind>(kindKeys, key);
}

QString PlaybookTrigger::opKey(Op op)
{
    return QString::fromLatin1(opKeys[int(op)]);
}

std::optional<PlaybookTrigger::Op> PlaybookTrigger::opFromKey(const QString &key)
{
    return fromKey<Op>(opKeys, key);
}

int PlaybookTrigger::lookbackDays() const
{
    switch (kind) {
    case Kind::Decline:
    case Kind::FeatureDecline:
        return 2 * days - 1;
    case Kind::BandChanged:
        return 1;
    case Kind::Threshold:
    case Kind::FirstValueReached:
    case Kind::FirstValueMissing:
        return 0;
    }
    return 0;
}

bool PlaybookTrigger::compare(double actual) const
{
    if (std::isnan(actual))
        return false;
    switch (op) {
    case Op::Below:
        return actual < value;
    case Op::Above:
        return actual > value;
    case Op::AtMost:
        return actual <= value;
    case Op::AtLeast:
        return actual >= value;
    }
    return false;
}

QJsonObject PlaybookTrigger::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), kindKey(kind)}};
    switch (kind) {
    case Kind::Threshold:
        json.insert(QStringLiteral("metric"), metric);
        json.insert(QStringLiteral("op"), opKey(op));
        json.insert(QStringLiteral("value"), value);
        break;
    case Kind::Decline:
        json.insert(QStringLiteral("metric"), metric);
        Q_FALLTHROUGH();
    case Kind::FeatureDecline:
        json.insert(QStringLiteral("percent"), percent);
        json.insert(QStringLiteral("days"), days);
        json.insert(QStringLiteral("minVolume"), minVolume);
        if (kind == Kind::FeatureDecline) {
            json.insert(QStringLiteral("item"), item);
            json.insert(QStringLiteral("itemName"), itemName);
        }
        break;
    case Kind::BandChanged:
        json.insert(QStringLiteral("to"), HealthModel::bandKey(to));
        if (from)
            json.insert(QStringLiteral("from"), HealthModel::bandKey(*from));
        break;
    case Kind::FirstValueMissing:
        json.insert(QStringLiteral("days"), days);
        break;
    case Kind::FirstValueReached:
        break;
    }
    if (app != 0)
        json.insert(QStringLiteral("app"), app);
    return json;
}

std::optional<PlaybookTrigger> PlaybookTrigger::fromJson(const QJsonObject &json, QString *error)
{
    PlaybookTrigger t;
    const std::optional<Kind> kind = kindFromKey(json.value(QStringLiteral("kind")).toString());
    if (!kind) {
        *error = tr("unknown trigger kind '%1'").arg(json.value(QStringLiteral("kind")).toString());
        return std::nullopt;
    }
    t.kind = *kind;
    t.metric = json.value(QStringLiteral("metric")).toString(t.metric);
    if (json.contains(QStringLiteral("op"))) {
        const std::optional<Op> op = opFromKey(json.value(QStringLiteral("op")).toString());
        if (!op) {
            *error = tr("unknown comparison '%1'").arg(json.value(QStringLiteral("op")).toString());
            return std::nullopt;
        }
        t.op = *op;
    }
    t.value = json.value(QStringLiteral("value")).toDouble(t.value);
    t.percent = json.value(QStringLiteral("percent")).toDouble(t.percent);
    t.days = json.value(QStringLiteral("days")).toInt(t.days);
    t.minVolume = json.value(QStringLiteral("minVolume")).toDouble(t.minVolume);
    t.item = json.value(QStringLiteral("item")).toInteger(0);
    t.itemName = json.value(QStringLiteral("itemName")).toString();
    t.app = json.value(QStringLiteral("app")).toInteger(0);
    if (json.contains(QStringLiteral("to"))) {
        const std::optional<HealthBand> to = HealthModel::bandFromKey(json.value(QStringLiteral("to")).toString());
        if (!to) {
            *error = tr("unknown health band '%1'").arg(json.value(QStringLiteral("to")).toString());
            return std::nullopt;
        }
        t.to = *to;
    }
    if (json.contains(QStringLiteral("from"))) {
        t.from = HealthModel::bandFromKey(json.value(QStringLiteral("from")).toString());
        if (!t.from) {
            *error = tr("unknown health band '%1'").arg(json.value(QStringLiteral("from")).toString());
            return std::nullopt;
        }
    }
    return t;
}

QStringList PlaybookTrigger::validate() const
{
    QStringList problems;
    if ((kind == Kind::Threshold || kind == Kind::Decline) && !MetricFields::fromColumn(metric))
        problems << tr("The trigger's metric '%1' is not a calculated field.").arg(metric);
    if (kind == Kind::Decline || kind == Kind::FeatureDecline) {
        if (percent <= 0 || percent > 100)
            problems << tr("A decline is between 1% and 100%.");
        if (days < 1 || days > 180)
            problems << tr("The comparison window is 1 to 180 days.");
        if (minVolume < 0)
            problems << tr("The minimum volume cannot be negative.");
    }
    if (kind == Kind::FeatureDecline && item <= 0)
        problems << tr("Choose the feature or page whose use to watch.");
    if (kind == Kind::FirstValueMissing && (days < 1 || days > 365))
        problems << tr("Onboarding is stuck after 1 to 365 days.");
    if (kind == Kind::BandChanged && from && *from == to)
        problems << tr("A band change needs two different bands.");
    return problems;
}

QString PlaybookTrigger::describe() const
{
    const QLocale locale;
    switch (kind) {
    case Kind::Threshold: {
        const char *const words[] = {QT_TRANSLATE_NOOP("Playbook", "below"), QT_TRANSLATE_NOOP("Playbook", "above"),
                                     QT_TRANSLATE_NOOP("Playbook", "at most"),
                                     QT_TRANSLATE_NOOP("Playbook", "at least")};
        return tr("%1 %2 %3").arg(metricTitle(metric), tr(words[int(op)]), locale.toString(value, 'g', 6));
    }
    case Kind::Decline:
        return tr("%1 fell by %2% or more against the previous %3 days")
            .arg(metricTitle(metric), locale.toString(percent, 'g', 4))
            .arg(days);
    case Kind::FeatureDecline:
        return tr("Use of %1 fell by %2% or more against the previous %3 days")
            .arg(itemName.isEmpty() ? tr("feature %1").arg(item) : itemName, locale.toString(percent, 'g', 4))
            .arg(days);
    case Kind::BandChanged:
        return from ? tr("Health turned %1 from %2").arg(HealthModel::bandName(to), HealthModel::bandName(*from))
                    : tr("Health turned %1").arg(HealthModel::bandName(to));
    case Kind::FirstValueReached:
        return tr("First value reached");
    case Kind::FirstValueMissing:
        return tr("No first value %1 days after the account started").arg(days);
    }
    return {};
}

// --- Scope --------------------------------------------------------------------------------------

QJsonObject PlaybookScope::toJson() const
{
    QJsonObject json;
    if (!stages.isEmpty())
        json.insert(QStringLiteral("stages"), QJsonArray::fromStringList(stages));
    if (!owners.isEmpty())
        json.insert(QStringLiteral("owners"), QJsonArray::fromStringList(owners));
    if (!plans.isEmpty())
        json.insert(QStringLiteral("plans"), QJsonArray::fromStringList(plans));
    if (arrMin)
        json.insert(QStringLiteral("arrMin"), *arrMin);
    if (arrMax)
        json.insert(QStringLiteral("arrMax"), *arrMax);
    return json;
}

PlaybookScope PlaybookScope::fromJson(const QJsonObject &json)
{
    PlaybookScope scope;
    scope.stages = strings(json.value(QStringLiteral("stages")));
    scope.owners = strings(json.value(QStringLiteral("owners")));
    scope.plans = strings(json.value(QStringLiteral("plans")));
    if (json.value(QStringLiteral("arrMin")).isDouble())
        scope.arrMin = json.value(QStringLiteral("arrMin")).toDouble();
    if (json.value(QStringLiteral("arrMax")).isDouble())
        scope.arrMax = json.value(QStringLiteral("arrMax")).toDouble();
    return scope;
}

QString PlaybookScope::describe() const
{
    if (isEmpty())
        return tr("All accounts");
    QStringList parts;
    if (!stages.isEmpty())
        parts << tr("stage %1").arg(stages.join(QStringLiteral(", ")));
    if (!owners.isEmpty())
        parts << tr("owner %1").arg(owners.join(QStringLiteral(", ")));
    if (!plans.isEmpty())
        parts << tr("plan %1").arg(plans.join(QStringLiteral(", ")));
    const QLocale locale;
    if (arrMin)
        parts << tr("ARR from %1").arg(locale.toString(*arrMin, 'f', 0));
    if (arrMax)
        parts << tr("ARR up to %1").arg(locale.toString(*arrMax, 'f', 0));
    return parts.join(QStringLiteral("; "));
}

// --- Action -------------------------------------------------------------------------------------

QString PlaybookAction::kindKey(Kind kind)
{
    return QString::fromLatin1(actionKeys[int(kind)]);
}

std::optional<PlaybookAction::Kind> PlaybookAction::kindFromKey(const QString &key)
{
    return fromKey<Kind>(actionKeys, key);
}

QJsonObject PlaybookAction::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), kindKey(kind)}};
    const auto put = [&json](const char *key, const QString &text) {
        if (!text.isEmpty())
            json.insert(QLatin1String(key), text);
    };
    switch (kind) {
    case Kind::Task:
        put("title", title);
        put("body", body);
        put("assignee", assignee);
        json.insert(QStringLiteral("dueDays"), dueDays);
        break;
    case Kind::Stage:
        put("stage", stage);
        break;
    case Kind::Tag:
        put("tag", tag);
        json.insert(QStringLiteral("remove"), remove);
        break;
    case Kind::Field:
        put("field", field);
        json.insert(QStringLiteral("value"), value);
        break;
    case Kind::Webhook:
        put("url", url);
        break;
    case Kind::Email:
        put("recipient", recipient);
        put("title", title);
        put("body", body);
        break;
    }
    return json;
}

std::optional<PlaybookAction> PlaybookAction::fromJson(const QJsonObject &json, QString *error)
{
    const std::optional<Kind> kind = kindFromKey(json.value(QStringLiteral("kind")).toString());
    if (!kind) {
        *error = tr("unknown action '%1'").arg(json.value(QStringLiteral("kind")).toString());
        return std::nullopt;
    }
    PlaybookAction a;
    a.kind = *kind;
    a.title = json.value(QStringLiteral("title")).toString();
    a.body = json.value(QStringLiteral("body")).toString();
    a.dueDays = json.value(QStringLiteral("dueDays")).toInt(a.dueDays);
    a.assignee = json.value(QStringLiteral("assignee")).toString();
    a.stage = json.value(QStringLiteral("stage")).toString();
    a.tag = json.value(QStringLiteral("tag")).toString();
    a.remove = json.value(QStringLiteral("remove")).toBool();
    a.field = json.value(QStringLiteral("field")).toString();
    a.value = json.value(QStringLiteral("value")).toString();
    a.url = json.value(QStringLiteral("url")).toString();
    a.recipient = json.value(QStringLiteral("recipient")).toString();
    return a;
}

QStringList PlaybookAction::validate() const
{
    QStringList problems;
    switch (kind) {
    case Kind::Task:
        if (title.trimmed().isEmpty())
            problems << tr("A task needs a title.");
        if (dueDays < 0 || dueDays > 365)
            problems << tr("A task is due 0 to 365 days after the firing.");
        break;
    case Kind::Stage:
        if (stage.isEmpty())
            problems << tr("Choose the lifecycle stage to move the account to.");
        break;
    case Kind::Tag:
        if (tag.trimmed().isEmpty())
            problems << tr("A tag action needs the tag.");
        break;
    case Kind::Field:
        if (field.trimmed().isEmpty())
            problems << tr("Name the account field to set.");
        break;
    case Kind::Webhook: {
        const QUrl parsed(url);
        if (!parsed.isValid() || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))
            || parsed.host().isEmpty())
            problems << tr("The webhook address '%1' is not an http or https URL.").arg(url);
        break;
    }
    case Kind::Email:
        if (title.trimmed().isEmpty())
            problems << tr("An e-mail needs a subject.");
        break;
    }
    return problems;
}

QString PlaybookAction::describe() const
{
    switch (kind) {
    case Kind::Task:
        return tr("Create task \"%1\", due in %2 days").arg(title).arg(dueDays);
    case Kind::Stage:
        return tr("Move to stage %1").arg(stage);
    case Kind::Tag:
        return remove ? tr("Remove tag %1").arg(tag) : tr("Add tag %1").arg(tag);
    case Kind::Field:
        return tr("Set %1 to \"%2\"").arg(field, value);
    case Kind::Webhook:
        return tr("POST to %1").arg(url);
    case Kind::Email:
        return tr("Write e-mail \"%1\" to %2").arg(title, recipient.isEmpty() ? tr("the owner") : recipient);
    }
    return {};
}

// --- Playbook -----------------------------------------------------------------------------------

QJsonObject Playbook::definitionJson() const
{
    QJsonArray list;
    for (const PlaybookAction &action : actions)
        list.append(action.toJson());
    QJsonObject json{{QStringLiteral("trigger"), trigger.toJson()},
                     {QStringLiteral("actions"), list},
                     {QStringLiteral("cooldownDays"), cooldownDays}};
    if (!scope.isEmpty())
        json.insert(QStringLiteral("scope"), scope.toJson());
    return json;
}

bool Playbook::setDefinition(const QJsonObject &json, QString *error)
{
    const std::optional<PlaybookTrigger> t = PlaybookTrigger::fromJson(json.value(QStringLiteral("trigger")).toObject(), error);
    if (!t)
        return false;
    QList<PlaybookAction> list;
    for (const QJsonValue &value : json.value(QStringLiteral("actions")).toArray()) {
        const std::optional<PlaybookAction> action = PlaybookAction::fromJson(value.toObject(), error);
        if (!action)
            return false;
        list << *action;
    }
    trigger = *t;
    actions = list;
    scope = PlaybookScope::fromJson(json.value(QStringLiteral("scope")).toObject());
    cooldownDays = json.value(QStringLiteral("cooldownDays")).toInt(30);
    return true;
}

QJsonObject Playbook::toJson() const
{
    QJsonObject json = definitionJson();
    json.insert(QStringLiteral("name"), name);
    json.insert(QStringLiteral("enabled"), enabled);
    if (!starterKey.isEmpty())
        json.insert(QStringLiteral("starterKey"), starterKey);
    return json;
}

std::optional<Playbook> Playbook::fromJson(const QJsonObject &json, QString *error)
{
    Playbook p;
    p.name = json.value(QStringLiteral("name")).toString().trimmed();
    p.enabled = json.value(QStringLiteral("enabled")).toBool();
    p.starterKey = json.value(QStringLiteral("starterKey")).toString();
    if (!p.setDefinition(json, error))
        return std::nullopt;
    return p;
}

QStringList Playbook::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems << tr("A playbook needs a name.");
    problems << trigger.validate();
    if (actions.isEmpty())
        problems << tr("A playbook needs at least one action.");
    for (const PlaybookAction &action : actions)
        problems << action.validate();
    if (cooldownDays < 0 || cooldownDays > 365)
        problems << tr("The cool-down is 0 to 365 days.");
    return problems;
}

// --- Lifecycle goal -----------------------------------------------------------------------------

QJsonObject LifecycleGoal::definitionJson() const
{
    return {{QStringLiteral("condition"), condition.toJson()}, {QStringLiteral("holdDays"), holdDays}};
}

bool LifecycleGoal::setDefinition(const QJsonObject &json, QString *error)
{
    const std::optional<PlaybookTrigger> c =
        PlaybookTrigger::fromJson(json.value(QStringLiteral("condition")).toObject(), error);
    if (!c)
        return false;
    condition = *c;
    holdDays = std::max(1, json.value(QStringLiteral("holdDays")).toInt(14));
    return true;
}
