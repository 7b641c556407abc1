-- The classifier's trained models, stored once and loaded by every replica. A retraining (an operator's request, the
-- schedule when there are new corrections, or the first start of a release) inserts the next version; every replica
-- polls for it. data_digest identifies the shipped training data, features and calibration the model was trained with
-- (a replica loads only models of its own digest, so two releases side by side never swap models).
create table classifier_model (
    version            integer      primary key,
    data_digest        varchar(64)  not null,
    created_at         timestamptz  not null,
    trained_by         varchar(200) not null,
    corrections        integer      not null,
    last_correction_id bigint       not null,
    training_rows      integer      not null,
    sha256             varchar(64)  not null,
    model              bytea        not null
);
create index classifier_model_digest on classifier_model (data_digest, version desc);

-- The model version that made each decision (null: decided before models were versioned).
alter table classification add column model_version integer;
