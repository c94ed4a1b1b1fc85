-- The schema of the design's section 3. This folder is the only place the schema lives.
CREATE EXTENSION IF NOT EXISTS postgis;

-- Event categories of the digital city-management standard (CJ/T 214 / GB/T 30428 lineage).
-- Seeded from testdata/event-categories.csv; cities extend and renumber minor classes.
CREATE TABLE category (
    code           varchar(8)  PRIMARY KEY,
    major_code     varchar(4)  NOT NULL,
    major_name_zh  text        NOT NULL,
    major_name_en  text        NOT NULL,
    name_zh        text        NOT NULL,
    name_en        text        NOT NULL,
    vendor_related boolean     NOT NULL DEFAULT false
);

INSERT INTO category (code, major_code, major_name_zh, major_name_en, name_zh, name_en, vendor_related) VALUES
  ('0101','01','市容环境','City appearance','私搭乱建','Illegal construction',false),
  ('0102','01','市容环境','City appearance','暴露垃圾','Exposed garbage',false),
  ('0103','01','市容环境','City appearance','积存垃圾渣土','Accumulated garbage and muck',false),
  ('0104','01','市容环境','City appearance','道路不洁','Unclean road',false),
  ('0107','01','市容环境','City appearance','废弃车辆','Abandoned vehicle',false),
  ('0116','01','市容环境','City appearance','油烟污染','Cooking fume pollution',false),
  ('0199','01','市容环境','City appearance','其他市容环境问题','Other city-appearance issue',false),
  ('0201','02','宣传广告','Advertising','非法小广告','Illegal small advertisements',false),
  ('0202','02','宣传广告','Advertising','违章张贴悬挂广告牌匾','Unpermitted posted signboards',false),
  ('0203','02','宣传广告','Advertising','占道广告牌','Signboard occupying the road',false),
  ('0204','02','宣传广告','Advertising','街头散发小广告','Leafleting on the street',false),
  ('0301','03','施工管理','Construction','施工扰民','Construction disturbance',false),
  ('0302','03','施工管理','Construction','工地扬尘','Construction dust',false),
  ('0304','03','施工管理','Construction','施工占道','Construction occupying the road',false),
  ('0401','04','突发事件','Emergencies','路面塌陷','Road collapse',false),
  ('0406','04','突发事件','Emergencies','道路积水','Road flooding',false),
  ('0501','05','街面秩序','Street order','无照经营游商','Unlicensed mobile vendor',true),
  ('0502','05','街面秩序','Street order','流浪乞讨','Vagrancy and begging',false),
  ('0503','05','街面秩序','Street order','占道废品收购','Scrap collection on the road',true),
  ('0504','05','街面秩序','Street order','店外经营','Trading outside the shop',true),
  ('0505','05','街面秩序','Street order','机动车乱停放','Illegal motor-vehicle parking',false),
  ('0506','05','街面秩序','Street order','非机动车乱停放','Illegal bicycle and scooter parking',false),
  ('0507','05','街面秩序','Street order','乱堆物堆料','Piled materials',false),
  ('0508','05','街面秩序','Street order','商业噪音','Commercial noise',false),
  ('0509','05','街面秩序','Street order','黑车拉客','Unlicensed taxi touting',false),
  ('0510','05','街面秩序','Street order','露天烧烤','Open-air barbecue',true),
  ('0511','05','街面秩序','Street order','沿街晾挂','Laundry hung along the street',false),
  ('0599','05','街面秩序','Street order','其他街面秩序问题','Other street-order issue',false);

-- Statutory areas: district > street > community > unit grid (万米单元网格, code of 14-15 digits).
CREATE TABLE admin_area (
    id        bigserial   PRIMARY KEY,
    level     varchar(10) NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
    code      varchar(15) NOT NULL,
    name      text        NOT NULL,
    parent_id bigint      REFERENCES admin_area (id),
    geom      geometry(MultiPolygon, 4326) NOT NULL,
    area_km2  double precision GENERATED ALWAYS AS (ST_Area(geom::geography) / 1e6) STORED,
    UNIQUE (level, code)
);
CREATE INDEX admin_area_geom_gix ON admin_area USING gist (geom);
CREATE INDEX admin_area_parent_idx ON admin_area (parent_id);

-- One row per import: what came in and what became of it (counts always add up to rows_read).
CREATE TABLE import_run (
    id          bigserial   PRIMARY KEY,
    file_name   text        NOT NULL,
    file_sha256 char(64)    NOT NULL,
    format      varchar(16) NOT NULL,
    crs         varchar(16) NOT NULL,
    profile     varchar(32) NOT NULL,
    rows_read   integer     NOT NULL,
    accepted    integer     NOT NULL,
    updated     integer     NOT NULL,
    rejected    integer     NOT NULL,
    duplicates  integer     NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT now(),
    CHECK (accepted + rejected + duplicates = rows_read)
);

CREATE TABLE violation (
    id            bigserial    PRIMARY KEY,
    case_no       varchar(64)  NOT NULL UNIQUE,
    category_code varchar(8)   NOT NULL REFERENCES category (code),
    source        varchar(8)   NOT NULL CHECK (source IN ('patrol', 'hotline', 'camera', 'app', 'other')),
    -- 上报 reported -> 立案 registered -> 派遣 dispatched -> 处置 handled -> 核查 verified -> 结案 closed,
    -- with side states 挂账 suspended, 延期 extended, 返工 reworked, 作废 void.
    status        varchar(12)  NOT NULL CHECK (status IN ('reported', 'registered', 'dispatched', 'handled',
                                 'verified', 'closed', 'suspended', 'extended', 'reworked', 'void')),
    reported_at   timestamptz  NOT NULL,
    closed_at     timestamptz,
    deadline_at   timestamptz,
    geom          geometry(Point, 4326) NOT NULL,
    grid_code     varchar(15),
    address       text,
    weight        double precision NOT NULL DEFAULT 1 CHECK (weight > 0),
    attrs         jsonb        NOT NULL DEFAULT '{}'::jsonb,
    -- Complainant details: kept for case work, never selected by the API.
    reporter_name  text,
    reporter_phone text,
    import_id     bigint       REFERENCES import_run (id),
    -- Set on insert and on every change: the watermark of incremental aggregation.
    updated_at    timestamptz  NOT NULL DEFAULT clock_timestamp(),
    CHECK (closed_at IS NULL OR closed_at >= reported_at)
);
CREATE INDEX violation_geom_gix ON violation USING gist (geom);
CREATE INDEX violation_reported_idx ON violation (reported_at);
CREATE INDEX violation_updated_idx ON violation (updated_at);
CREATE INDEX violation_category_reported_idx ON violation (category_code, reported_at);

-- Existing facilities: service stations (城市服务驿站), designated vendor zones, markets.
CREATE TABLE station (
    id        bigserial   PRIMARY KEY,
    kind      varchar(16) NOT NULL CHECK (kind IN ('service_station', 'vendor_zone', 'market')),
    name      text        NOT NULL,
    geom      geometry(Point, 4326) NOT NULL,
    capacity  integer     CHECK (capacity IS NULL OR capacity > 0),
    opened_at date
);
CREATE INDEX station_geom_gix ON station USING gist (geom);

-- Sites planners propose for new vendor zones or stations.
CREATE TABLE candidate_site (
    id        bigserial   PRIMARY KEY,
    kind      varchar(16) NOT NULL CHECK (kind IN ('service_station', 'vendor_zone', 'any')),
    name      text        NOT NULL,
    geom      geometry(Point, 4326) NOT NULL,
    capacity  integer     CHECK (capacity IS NULL OR capacity > 0),
    source    varchar(16) NOT NULL DEFAULT 'planner' CHECK (source IN ('planner', 'generated', 'demo')),
    notes     text
);
CREATE INDEX candidate_site_geom_gix ON candidate_site USING gist (geom);

-- Where no vendor zone may go: school gates, hospitals, arterial roads, custom polygons; buffer in metres.
CREATE TABLE exclusion_zone (
    id       bigserial   PRIMARY KEY,
    kind     varchar(16) NOT NULL CHECK (kind IN ('school', 'hospital', 'arterial_road', 'custom')),
    name     text        NOT NULL,
    buffer_m double precision NOT NULL DEFAULT 0 CHECK (buffer_m >= 0),
    geom     geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX exclusion_zone_geom_gix ON exclusion_zone USING gist (geom);

-- Incremental aggregation recomputes the buckets that new or changed cases touch. A changed case also
-- touches the buckets it left (old time, place or category), so updates and deletes log the old values.
CREATE TABLE violation_change (
    id            bigserial   PRIMARY KEY,
    violation_id  bigint      NOT NULL,
    category_code varchar(8)  NOT NULL,
    reported_at   timestamptz NOT NULL,
    geom          geometry(Point, 4326) NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX violation_change_changed_idx ON violation_change (changed_at);

CREATE FUNCTION violation_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := clock_timestamp();
    END IF;
    INSERT INTO violation_change (violation_id, category_code, reported_at, geom)
    VALUES (OLD.id, OLD.category_code, OLD.reported_at, OLD.geom);
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER violation_touch_trg BEFORE UPDATE OR DELETE ON violation
    FOR EACH ROW EXECUTE FUNCTION violation_touch();
