-- Moodle 4.5's tables that the database source reads, for PostgreSQL: the DDL of ../shared/fixtures/moodle/schema.sql
-- (pg_dump --schema-only of a live Moodle 4.5 on PostgreSQL 15) without its schema name, comments and SET lines, so the
-- tables are created in the connection's current schema. One change: mdl_role.description gets DEFAULT '' (the CSV
-- snapshot leaves that column out).

CREATE TABLE mdl_course (
    id bigint NOT NULL,
    category bigint DEFAULT 0 NOT NULL,
    sortorder bigint DEFAULT 0 NOT NULL,
    fullname character varying(254) DEFAULT ''::character varying NOT NULL,
    shortname character varying(255) DEFAULT ''::character varying NOT NULL,
    idnumber character varying(100) DEFAULT ''::character varying NOT NULL,
    summary text,
    summaryformat smallint DEFAULT 0 NOT NULL,
    format character varying(21) DEFAULT 'topics'::character varying NOT NULL,
    showgrades smallint DEFAULT 1 NOT NULL,
    newsitems integer DEFAULT 1 NOT NULL,
    startdate bigint DEFAULT 0 NOT NULL,
    enddate bigint DEFAULT 0 NOT NULL,
    relativedatesmode smallint DEFAULT 0 NOT NULL,
    marker bigint DEFAULT 0 NOT NULL,
    maxbytes bigint DEFAULT 0 NOT NULL,
    legacyfiles smallint DEFAULT 0 NOT NULL,
    showreports smallint DEFAULT 0 NOT NULL,
    visible smallint DEFAULT 1 NOT NULL,
    visibleold smallint DEFAULT 1 NOT NULL,
    downloadcontent smallint,
    groupmode smallint DEFAULT 0 NOT NULL,
    groupmodeforce smallint DEFAULT 0 NOT NULL,
    defaultgroupingid bigint DEFAULT 0 NOT NULL,
    lang character varying(30) DEFAULT ''::character varying NOT NULL,
    calendartype character varying(30) DEFAULT ''::character varying NOT NULL,
    theme character varying(50) DEFAULT ''::character varying NOT NULL,
    timecreated bigint DEFAULT 0 NOT NULL,
    timemodified bigint DEFAULT 0 NOT NULL,
    requested smallint DEFAULT 0 NOT NULL,
    enablecompletion smallint DEFAULT 0 NOT NULL,
    completionnotify smallint DEFAULT 0 NOT NULL,
    cacherev bigint DEFAULT 0 NOT NULL,
    originalcourseid bigint,
    showactivitydates smallint DEFAULT 0 NOT NULL,
    showcompletionconditions smallint,
    pdfexportfont character varying(50)
);

CREATE SEQUENCE mdl_course_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE mdl_course_id_seq OWNED BY mdl_course.id;

CREATE TABLE mdl_enrol (
    id bigint NOT NULL,
    enrol character varying(20) DEFAULT ''::character varying NOT NULL,
    status bigint DEFAULT 0 NOT NULL,
    courseid bigint NOT NULL,
    sortorder bigint DEFAULT 0 NOT NULL,
    name character varying(255),
    enrolperiod bigint DEFAULT 0,
    enrolstartdate bigint DEFAULT 0,
    enrolenddate bigint DEFAULT 0,
    expirynotify smallint DEFAULT 0,
    expirythreshold bigint DEFAULT 0,
    notifyall smallint DEFAULT 0,
    password character varying(50),
    cost character varying(20),
    currency character varying(3),
    roleid bigint DEFAULT 0,
    customint1 bigint,
    customint2 bigint,
    customint3 bigint,
    customint4 bigint,
    customint5 bigint,
    customint6 bigint,
    customint7 bigint,
    customint8 bigint,
    customchar1 character varying(255),
    customchar2 character varying(255),
    customchar3 character varying(1333),
    customdec1 numeric(12,7),
    customdec2 numeric(12,7),
    customtext1 text,
    customtext2 text,
    customtext3 text,
    customtext4 text,
    timecreated bigint DEFAULT 0 NOT NULL,
    timemodified bigint DEFAULT 0 NOT NULL
);

CREATE SEQUENCE mdl_enrol_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE mdl_enrol_id_seq OWNED BY mdl_enrol.id;

CREATE TABLE mdl_user (
    id bigint NOT NULL,
    auth character varying(20) DEFAULT 'manual'::character varying NOT NULL,
    confirmed smallint DEFAULT 0 NOT NULL,
    policyagreed smallint DEFAULT 0 NOT NULL,
    deleted smallint DEFAULT 0 NOT NULL,
    suspended smallint DEFAULT 0 NOT NULL,
    mnethostid bigint DEFAULT 0 NOT NULL,
    username character varying(100) DEFAULT ''::character varying NOT NULL,
    password character varying(255) DEFAULT ''::character varying NOT NULL,
    idnumber character varying(255) DEFAULT ''::character varying NOT NULL,
    firstname character varying(100) DEFAULT ''::character varying NOT NULL,
    lastname character varying(100) DEFAULT ''::character varying NOT NULL,
    email character varying(100) DEFAULT ''::character varying NOT NULL,
    emailstop smallint DEFAULT 0 NOT NULL,
    phone1 character varying(20) DEFAULT ''::character varying NOT NULL,
    phone2 character varying(20) DEFAULT ''::character varying NOT NULL,
    institution character varying(255) DEFAULT ''::character varying NOT NULL,
    department character varying(255) DEFAULT ''::character varying NOT NULL,
    address character varying(255) DEFAULT ''::character varying NOT NULL,
    city character varying(120) DEFAULT ''::character varying NOT NULL,
    country character varying(2) DEFAULT ''::character varying NOT NULL,
    lang character varying(30) DEFAULT 'en'::character varying NOT NULL,
    calendartype character varying(30) DEFAULT 'gregorian'::character varying NOT NULL,
    theme character varying(50) DEFAULT ''::character varying NOT NULL,
    timezone character varying(100) DEFAULT '99'::character varying NOT NULL,
    firstaccess bigint DEFAULT 0 NOT NULL,
    lastaccess bigint DEFAULT 0 NOT NULL,
    lastlogin bigint DEFAULT 0 NOT NULL,
    currentlogin bigint DEFAULT 0 NOT NULL,
    lastip character varying(45) DEFAULT ''::character varying NOT NULL,
    secret character varying(15) DEFAULT ''::character varying NOT NULL,
    picture bigint DEFAULT 0 NOT NULL,
    description text,
    descriptionformat smallint DEFAULT 1 NOT NULL,
    mailformat smallint DEFAULT 1 NOT NULL,
    maildigest smallint DEFAULT 0 NOT NULL,
    maildisplay smallint DEFAULT 2 NOT NULL,
    autosubscribe smallint DEFAULT 1 NOT NULL,
    trackforums smallint DEFAULT 0 NOT NULL,
    timecreated bigint DEFAULT 0 NOT NULL,
    timemodified bigint DEFAULT 0 NOT NULL,
    trustbitmask bigint DEFAULT 0 NOT NULL,
    imagealt character varying(255),
    lastnamephonetic character varying(255),
    firstnamephonetic character varying(255),
    middlename character varying(255),
    alternatename character varying(255),
    moodlenetprofile character varying(255)
);

CREATE TABLE mdl_user_enrolments (
    id bigint NOT NULL,
    status bigint DEFAULT 0 NOT NULL,
    enrolid bigint NOT NULL,
    userid bigint NOT NULL,
    timestart bigint DEFAULT 0 NOT NULL,
    timeend bigint DEFAULT 2147483647 NOT NULL,
    modifierid bigint DEFAULT 0 NOT NULL,
    timecreated bigint DEFAULT 0 NOT NULL,
    timemodified bigint DEFAULT 0 NOT NULL
);

CREATE SEQUENCE mdl_user_enrolments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE mdl_user_enrolments_id_seq OWNED BY mdl_user_enrolments.id;

CREATE SEQUENCE mdl_user_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE mdl_user_id_seq OWNED BY mdl_user.id;

ALTER TABLE ONLY mdl_course ALTER COLUMN id SET DEFAULT nextval('mdl_course_id_seq'::regclass);

ALTER TABLE ONLY mdl_enrol ALTER COLUMN id SET DEFAULT nextval('mdl_enrol_id_seq'::regclass);

ALTER TABLE ONLY mdl_user ALTER COLUMN id SET DEFAULT nextval('mdl_user_id_seq'::regclass);

ALTER TABLE ONLY mdl_user_enrolments ALTER COLUMN id SET DEFAULT nextval('mdl_user_enrolments_id_seq'::regclass);

ALTER TABLE ONLY mdl_course
    ADD CONSTRAINT mdl_cour_id_pk PRIMARY KEY (id);

ALTER TABLE ONLY mdl_enrol
    ADD CONSTRAINT mdl_enro_id_pk PRIMARY KEY (id);

ALTER TABLE ONLY mdl_user
    ADD CONSTRAINT mdl_user_id_pk PRIMARY KEY (id);

ALTER TABLE ONLY mdl_user_enrolments
    ADD CONSTRAINT mdl_userenro_id_pk PRIMARY KEY (id);

CREATE INDEX mdl_cour_cat_ix ON mdl_course USING btree (category);

CREATE INDEX mdl_cour_idn_ix ON mdl_course USING btree (idnumber);

CREATE INDEX mdl_cour_ori_ix ON mdl_course USING btree (originalcourseid);

CREATE INDEX mdl_cour_sho_ix ON mdl_course USING btree (shortname);

CREATE INDEX mdl_cour_sor_ix ON mdl_course USING btree (sortorder);

CREATE INDEX mdl_enro_cou_ix ON mdl_enrol USING btree (courseid);

CREATE INDEX mdl_enro_enr_ix ON mdl_enrol USING btree (enrol);

CREATE INDEX mdl_enro_rol_ix ON mdl_enrol USING btree (roleid);

CREATE INDEX mdl_user_alt_ix ON mdl_user USING btree (alternatename);

CREATE INDEX mdl_user_aut_ix ON mdl_user USING btree (auth);

CREATE INDEX mdl_user_cit_ix ON mdl_user USING btree (city);

CREATE INDEX mdl_user_con_ix ON mdl_user USING btree (confirmed);

CREATE INDEX mdl_user_cou_ix ON mdl_user USING btree (country);

CREATE INDEX mdl_user_del_ix ON mdl_user USING btree (deleted);

CREATE INDEX mdl_user_ema_ix ON mdl_user USING btree (email);

CREATE INDEX mdl_user_fir2_ix ON mdl_user USING btree (firstnamephonetic);

CREATE INDEX mdl_user_fir_ix ON mdl_user USING btree (firstname);

CREATE INDEX mdl_user_idn_ix ON mdl_user USING btree (idnumber);

CREATE INDEX mdl_user_las2_ix ON mdl_user USING btree (lastaccess);

CREATE INDEX mdl_user_las3_ix ON mdl_user USING btree (lastnamephonetic);

CREATE INDEX mdl_user_las_ix ON mdl_user USING btree (lastname);

CREATE INDEX mdl_user_mid_ix ON mdl_user USING btree (middlename);

CREATE UNIQUE INDEX mdl_user_mneuse_uix ON mdl_user USING btree (mnethostid, username);

CREATE INDEX mdl_userenro_enr_ix ON mdl_user_enrolments USING btree (enrolid);

CREATE UNIQUE INDEX mdl_userenro_enruse_uix ON mdl_user_enrolments USING btree (enrolid, userid);

CREATE INDEX mdl_userenro_mod_ix ON mdl_user_enrolments USING btree (modifierid);

CREATE INDEX mdl_userenro_use_ix ON mdl_user_enrolments USING btree (userid);

CREATE TABLE mdl_context (
    id bigint NOT NULL,
    contextlevel bigint DEFAULT 0 NOT NULL,
    instanceid bigint DEFAULT 0 NOT NULL,
    path character varying(255),
    depth smallint DEFAULT 0 NOT NULL,
    locked smallint DEFAULT 0 NOT NULL
);

CREATE SEQUENCE mdl_context_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE mdl_context_id_seq OWNED BY mdl_context.id;

CREATE TABLE mdl_role (
    id bigint NOT NULL,
    name character varying(255) DEFAULT ''::character varying NOT NULL,
    shortname character varying(100) DEFAULT ''::character varying NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    sortorder bigint DEFAULT 0 NOT NULL,
    archetype character varying(30) DEFAULT ''::character varying NOT NULL
);

CREATE TABLE mdl_role_assignments (
    id bigint NOT NULL,
    roleid bigint DEFAULT 0 NOT NULL,
    contextid bigint DEFAULT 0 NOT NULL,
    userid bigint DEFAULT 0 NOT NULL,
    timemodified bigint DEFAULT 0 NOT NULL,
    modifierid bigint DEFAULT 0 NOT NULL,
    component character varying(100) DEFAULT ''::character varying NOT NULL,
    itemid bigint DEFAULT 0 NOT NULL,
    sortorder bigint DEFAULT 0 NOT NULL
);

CREATE SEQUENCE mdl_role_assignments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE mdl_role_assignments_id_seq OWNED BY mdl_role_assignments.id;

CREATE SEQUENCE mdl_role_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE mdl_role_id_seq OWNED BY mdl_role.id;

CREATE TABLE mdl_user_info_data (
    id bigint NOT NULL,
    userid bigint DEFAULT 0 NOT NULL,
    fieldid bigint DEFAULT 0 NOT NULL,
    data text NOT NULL,
    dataformat smallint DEFAULT 0 NOT NULL
);

CREATE SEQUENCE mdl_user_info_data_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE mdl_user_info_data_id_seq OWNED BY mdl_user_info_data.id;

CREATE TABLE mdl_user_info_field (
    id bigint NOT NULL,
    shortname character varying(255) DEFAULT 'shortname'::character varying NOT NULL,
    name text NOT NULL,
    datatype character varying(255) DEFAULT ''::character varying NOT NULL,
    description text,
    descriptionformat smallint DEFAULT 0 NOT NULL,
    categoryid bigint DEFAULT 0 NOT NULL,
    sortorder bigint DEFAULT 0 NOT NULL,
    required smallint DEFAULT 0 NOT NULL,
    locked smallint DEFAULT 0 NOT NULL,
    visible smallint DEFAULT 0 NOT NULL,
    forceunique smallint DEFAULT 0 NOT NULL,
    signup smallint DEFAULT 0 NOT NULL,
    defaultdata text,
    defaultdataformat smallint DEFAULT 0 NOT NULL,
    param1 text,
    param2 text,
    param3 text,
    param4 text,
    param5 text
);

CREATE SEQUENCE mdl_user_info_field_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE mdl_user_info_field_id_seq OWNED BY mdl_user_info_field.id;

ALTER TABLE ONLY mdl_context ALTER COLUMN id SET DEFAULT nextval('mdl_context_id_seq'::regclass);

ALTER TABLE ONLY mdl_role ALTER COLUMN id SET DEFAULT nextval('mdl_role_id_seq'::regclass);

ALTER TABLE ONLY mdl_role_assignments ALTER COLUMN id SET DEFAULT nextval('mdl_role_assignments_id_seq'::regclass);

ALTER TABLE ONLY mdl_user_info_data ALTER COLUMN id SET DEFAULT nextval('mdl_user_info_data_id_seq'::regclass);

ALTER TABLE ONLY mdl_user_info_field ALTER COLUMN id SET DEFAULT nextval('mdl_user_info_field_id_seq'::regclass);

ALTER TABLE ONLY mdl_context
    ADD CONSTRAINT mdl_cont_id_pk PRIMARY KEY (id);

ALTER TABLE ONLY mdl_role
    ADD CONSTRAINT mdl_role_id_pk PRIMARY KEY (id);

ALTER TABLE ONLY mdl_role_assignments
    ADD CONSTRAINT mdl_roleassi_id_pk PRIMARY KEY (id);

ALTER TABLE ONLY mdl_user_info_data
    ADD CONSTRAINT mdl_userinfodata_id_pk PRIMARY KEY (id);

ALTER TABLE ONLY mdl_user_info_field
    ADD CONSTRAINT mdl_userinfofiel_id_pk PRIMARY KEY (id);

CREATE UNIQUE INDEX mdl_cont_conins_uix ON mdl_context USING btree (contextlevel, instanceid);

CREATE INDEX mdl_cont_ins_ix ON mdl_context USING btree (instanceid);

CREATE INDEX mdl_cont_pat_ix ON mdl_context USING btree (path);

CREATE INDEX mdl_cont_pat_ix_pattern ON mdl_context USING btree (path varchar_pattern_ops);

CREATE UNIQUE INDEX mdl_role_sho_uix ON mdl_role USING btree (shortname);

CREATE UNIQUE INDEX mdl_role_sor_uix ON mdl_role USING btree (sortorder);

CREATE INDEX mdl_roleassi_comiteuse_ix ON mdl_role_assignments USING btree (component, itemid, userid);

CREATE INDEX mdl_roleassi_con_ix ON mdl_role_assignments USING btree (contextid);

CREATE INDEX mdl_roleassi_rol_ix ON mdl_role_assignments USING btree (roleid);

CREATE INDEX mdl_roleassi_rolcon_ix ON mdl_role_assignments USING btree (roleid, contextid);

CREATE INDEX mdl_roleassi_sor_ix ON mdl_role_assignments USING btree (sortorder);

CREATE INDEX mdl_roleassi_use_ix ON mdl_role_assignments USING btree (userid);

CREATE INDEX mdl_roleassi_useconrol_ix ON mdl_role_assignments USING btree (userid, contextid, roleid);

CREATE UNIQUE INDEX mdl_userinfodata_usefie_uix ON mdl_user_info_data USING btree (userid, fieldid);
