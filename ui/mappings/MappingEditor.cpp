#include "MappingEditor.h"

#include "AggregationsPanel.h"
#include "EventPanels.h"
#include "ReportsPanel.h"
#include "StreamPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>

MappingEditor::MappingEditor(WorkspaceSession &session, QWidget *parent)
    : QWidget(parent)
    , m_controller(new MappingController(session, this))
    , m_sectionList(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_reports(new ReportsPanel(*m_controller, this))
    , m_aggregations(new AggregationsPanel(*m_controller, this))
    , m_loadLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mappingEditorWidget"));
    m_sectionList->setObjectName(QStringLiteral("sectionListWidget"));
    m_stack->setObjectName(QStringLiteral("sectionStackedWidget"));
    m_loadLabel->setObjectName(QStringLiteral("loadStatusLabel"));
    m_loadLabel->setWordWrap(true);

    const QStringList titles{tr("Features"), tr("Pages"), tr("Guides"), tr("Track events"), tr("Reports"),
                             tr("Aggregations"), tr("Engagement score"), tr("First-value events")};
    for (const QString &title : titles)
        m_sectionList->addItem(title);
    for (StreamKind stream : config::allStreams)
        m_stack->addWidget(new StreamPanel(*m_controller, stream, m_stack));
    m_stack->addWidget(m_reports);
    m_stack->addWidget(m_aggregations);
    m_stack->addWidget(new PesPanel(*m_controller, m_stack));
    m_stack->addWidget(new FirstValuePanel(*m_controller, m_stack));

    QFontMetrics metrics(m_sectionList->font());
    int width = 0;
    for (const QString &title : titles)
        width = qMax(width, metrics.horizontalAdvance(title));
    m_sectionList->setFixedWidth(width + 32);
    m_sectionList->setSpacing(2);

    auto *body = new QHBoxLayout;
    body->addWidget(m_sectionList);
    body->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_loadLabel);
    layout->addLayout(body, 1);
    m_loadLabel->hide();

    connect(m_sectionList, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_controller, &MappingController::configChanged, this, &MappingEditor::updateSummaries);
    connect(m_controller, &MappingController::loaded, this, [this] { m_loadLabel->hide(); });
    connect(m_controller, &MappingController::loadFailed, this, [this](const QString &message) {
        m_loadLabel->setText(tr("The mappings could not be loaded: %1").arg(message));
        m_loadLabel->show();
    });
    m_sectionList->setCurrentRow(0);
    updateSummaries();
}

void MappingEditor::setClient(PendoClient *client)
{
    m_reports->setClient(client);
    m_aggregations->setClient(client);
}

void MappingEditor::setTimeZone(const QTimeZone &zone)
{
    m_aggregations->setTimeZone(zone);
}

void MappingEditor::showSection(Section section)
{
    m_sectionList->setCurrentRow(section);
}

void MappingEditor::updateSummaries()
{
    // Each stream's entry says at a glance whether it is mapped.
    const IntegrationConfig &config = m_controller->config();
    for (StreamKind stream : config::allStreams) {
        QListWidgetItem *item = m_sectionList->item(int(stream));
        const bool on = config.stream(stream).enabled;
        item->setToolTip(on ? tr("Mapped") : tr("Not mapped"));
        QFont font = item->font();
        font.setItalic(!on);
        item->setFont(font);
        item->setForeground(on ? palette().text() : palette().placeholderText());
    }
}
