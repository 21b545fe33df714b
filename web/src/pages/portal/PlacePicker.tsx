/** 选择位置: the city drawn from its GeoJSON (no tile server on an intranet); tap it, or take the phone's location. */
import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { AimOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EChart, echarts } from '../../components/EChart.tsx';
import { CITY_MAP, districtAt, roundPoint, type Point } from './place.ts';

const MAP_NAME = 'lianxin-portal-city';
echarts.registerMap(MAP_NAME, CITY_MAP as unknown as Parameters<typeof echarts.registerMap>[1]);

export function PlacePicker(props: { value: Point | null; onChange: (point: Point | null) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [isLocating, setLocating] = useState(false);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  const pick = (point: Point) => {
    if (!districtAt(point)) {
      setProblem(t('portal.outsideCity'));
      return;
    }
    setProblem(null);
    onChange.current(roundPoint(point));
  };
  const pickRef = useRef(pick);
  pickRef.current = pick;

  const option = useMemo(
    () => ({
      geo: {
        map: MAP_NAME,
        roam: true,
        scaleLimit: { min: 1, max: 12 },
        top: 8,
        bottom: 8,
        left: 8,
        right: 8,
        label: { show: true, color: '#555', fontSize: 12 },
        itemStyle: { areaColor: '#f3f6fa', borderColor: '#8aa4c8' },
        emphasis: { disabled: true },
        select: { disabled: true },
      },
      tooltip: { show: false },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 34,
          itemStyle: { color: '#c8102e' },
          silent: true,
          data: props.value ? [[props.value.lng, props.value.lat]] : [],
        },
      ],
    }),
    [props.value],
  );

  const locate = () => {
    if (!navigator.geolocation) {
      setProblem(t('portal.locationFailed'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        pickRef.current({ lng: position.coords.longitude, lat: position.coords.latitude });
      },
      () => {
        setLocating(false);
        setProblem(t('portal.locationFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div data-testid="portal-place">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('portal.mapHint')}
      </Typography.Text>
      <div style={{ border: '1px solid #d9d9d9', borderRadius: 8, overflow: 'hidden', marginTop: 4 }}>
        <EChart
          option={option}
          height={260}
          ariaLabel={t('portal.map')}
          testId="portal-map"
          onReady={(chart) =>
            chart.getZr().on('click', (event) => {
              const [lng, lat] = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]) as number[];
              pickRef.current({ lng, lat });
            })
          }
        />
      </div>
      <Space wrap style={{ marginTop: 8 }}>
        <Button icon={<AimOutlined />} onClick={locate} loading={isLocating} data-testid="portal-locate">
          {isLocating ? t('portal.locating') : t('portal.useLocation')}
        </Button>
        {props.value && (
          <>
            <Typography.Text data-testid="portal-picked" data-lng={props.value.lng} data-lat={props.value.lat}>
              {t('portal.picked', { lng: props.value.lng.toFixed(5), lat: props.value.lat.toFixed(5) })}
              {' · '}
              {districtAt(props.value)}
            </Typography.Text>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('portal.clearPlace')}
              onClick={() => props.onChange(null)}
            />
          </>
        )}
      </Space>
      {problem && <Alert type="warning" showIcon title={problem} style={{ marginTop: 8 }} data-testid="portal-place-problem" />}
    </div>
  );
}
