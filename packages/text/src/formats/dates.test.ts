/**
 * Tests for publish-date finding on headers written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { findLabelledDate, findPublishDate, parseDateValue } from './dates.js';

describe('findPublishDate', () => {
  it('should read a labelled date anywhere', () => {
    const body = '从江县香猪产业发展迅速，2019年实现整县脱贫。'.repeat(30);
    expect(findPublishDate(`${body}\n发布时间:2018-10-16`)).toBe('2018-10-16');
    expect(findPublishDate(`${body}\n发布日期： 2020年5月6日`)).toBe('2020-05-06');
  });

  it('should read a header date with Chinese units or a time', () => {
    expect(findPublishDate('黔东南日报 2021年3月3日 星期三\n台江县召开会议。')).toBe('2021-03-03');
    expect(findPublishDate('2020-05-06 10:21 来源：威宁县融媒体中心')).toBe('2020-05-06');
    expect(findPublishDate('２０２１年１２月１日')).toBe('2021-12-01');
  });

  it('should ignore dates deep in the body and impossible dates', () => {
    const body = '苏州市帮扶从江县的工作扎实推进，群众收入稳步增长。'.repeat(30);
    expect(findPublishDate(`${body}2019年3月1日，双方签订协议。`)).toBeUndefined();
    expect(findPublishDate('2021年2月30日')).toBeUndefined();
    expect(findPublishDate('2019年实现整县出列')).toBeUndefined();
  });
});

describe('findLabelledDate', () => {
  it('should skip unlabelled dates such as those of navigation links', () => {
    expect(findLabelledDate('相关新闻 2020-04-01 台江县\n发布时间：2020-05-06')).toBe('2020-05-06');
    expect(findLabelledDate('相关新闻 2020-04-01 台江县')).toBeUndefined();
  });
});

describe('parseDateValue', () => {
  it('should read meta and time values', () => {
    expect(parseDateValue('2020-05-06T10:21:00+08:00')).toBe('2020-05-06');
    expect(parseDateValue('2020/5/6')).toBe('2020-05-06');
    expect(parseDateValue('20200506')).toBe('2020-05-06');
    expect(parseDateValue('yesterday')).toBeUndefined();
  });
});
