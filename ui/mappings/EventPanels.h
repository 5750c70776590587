#pragma once

#include <QWidget>

class CatalogChecklistFilter;
class CatalogChecklistModel;
class MappingController;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QTableView;

/**
 * PES settings: the core events for adoption (Pendo's isCoreEvent flags, or a list chosen
 * here) and the stickiness ratio. UI thread.
 */
class PesPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit PesPanel(MappingController &controller, QWidget *parent = nullptr);

private:
    void sync();

    MappingController &m_controller;
    CatalogChecklistModel *m_model;
    CatalogChecklistFilter *m_filter;
    QRadioButton *m_pendoRadio;
    QRadioButton *m_chosenRadio;
    QLineEdit *m_searchEdit;
    QTableView *m_table;
    QComboBox *m_stickinessCombo;
    QLabel *m_countLabel;
};

/** First-value events (milestones): the items whose first use marks an account's first value. UI thread. */
class FirstValuePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit FirstValuePanel(MappingController &controller, QWidget *parent = nullptr);

private:
    void sync();

    MappingController &m_controller;
    CatalogChecklistModel *m_model;
    CatalogChecklistFilter *m_filter;
    QLabel *m_countLabel;
};
